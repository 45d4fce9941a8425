/** Reads a request body up to a limit, so a runaway client cannot fill the demo server's memory. */

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * How much of an oversized body is read and thrown away so that the client, still sending, gets its 413
 * instead of a connection reset (closing a socket with unread data resets it). Past this, it is cut off.
 */
export const MAX_DRAINED_BYTES = 1024 * 1024;

/**
 * The body as text; rejects with `status: 413` once it passes `limit`, after draining the rest.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} [limit]
 * @returns {Promise<string>}
 */
export function readBody(req, limit = MAX_BODY_BYTES) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const tooLarge = () => Object.assign(new Error('Request body too large'), { status: 413 });
    // A declared length over the drain allowance is refused before any of it is read.
    if (Number(req.headers['content-length']) > limit + MAX_DRAINED_BYTES) {
      reject(tooLarge());
      req.destroy();
      return;
    }
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit + MAX_DRAINED_BYTES) {
        req.destroy();
        reject(tooLarge());
      } else if (size <= limit) {
        chunks.push(chunk);
      }
    });
    req.on('end', () => (size > limit ? reject(tooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}
