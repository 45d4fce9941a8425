import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, type ServiceRequest, type ServiceResponse } from './http-types';
import type { ReceiptsService } from './receipts-service';

export interface NodeAdapterOptions {
  /**
   * The client address for rate limiting (and, if opted in, storage). Default: the socket's address. Behind a
   * reverse proxy pass e.g. `(req) => req.headers['x-forwarded-for']?.split(',').pop()?.trim()` (the address
   * your proxy appended; earlier entries are whatever the client claimed).
   */
  clientAddress?: (req: IncomingMessage) => string | null | undefined;
}

/** Reads the body up to `limit` bytes; past that stops reading and throws, so a flood costs no memory. */
function readBody(req: IncomingMessage & { body?: unknown }, limit: number): Promise<Uint8Array> {
  // A body parser ran first (Express's json()/text()/raw()): take what it read.
  if (Buffer.isBuffer(req.body)) {
    if (req.body.length > limit) return Promise.reject(new BodyTooLargeError());
    return Promise.resolve(req.body);
  }
  if (typeof req.body === 'string' || (req.body && typeof req.body === 'object' && req.readableEnded)) {
    // Parsed already: back to the text it came from (a form for the admin sign-in, JSON for a receipt).
    const form = /^application\/x-www-form-urlencoded/i.test(String(req.headers['content-type'] || ''));
    const text =
      typeof req.body === 'string'
        ? req.body
        : form
          ? new URLSearchParams(req.body as Record<string, string>).toString()
          : JSON.stringify(req.body);
    const bytes = Buffer.from(text);
    return bytes.length > limit ? Promise.reject(new BodyTooLargeError()) : Promise.resolve(bytes);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

export function serviceRequestOf(req: IncomingMessage, options: NodeAdapterOptions = {}, path = req.url): ServiceRequest {
  const url = new URL(path || '/', 'http://localhost');
  return {
    method: req.method || 'GET',
    path: url.pathname,
    query: url.searchParams,
    header: (name) => {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    clientAddress: (options.clientAddress ? options.clientAddress(req) : req.socket?.remoteAddress) || null,
    body: (limit) => readBody(req, limit),
  };
}

/** Writes a service response; exports stream chunk by chunk with back-pressure. */
export async function sendServiceResponse(res: ServerResponse, response: ServiceResponse, head = false): Promise<void> {
  res.writeHead(response.status, response.headers);
  if (head) return void res.end();
  if (typeof response.body === 'string') return void res.end(response.body);
  for await (const chunk of response.body) {
    if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}

/**
 * Connect/Express middleware (`app.use(receiptsMiddleware(service))`) that also works as a plain
 * `http.createServer` handler: requests for other paths go to `next`, or get 404 without one.
 */
export function receiptsMiddleware(service: ReceiptsService, options: NodeAdapterOptions = {}) {
  return async function consentryReceipts(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<void> {
    try {
      // Mounted under a prefix (app.use('/x', …)), Express strips it from req.url; originalUrl keeps it.
      const original = (req as IncomingMessage & { originalUrl?: string }).originalUrl;
      const request = serviceRequestOf(req, options, original || req.url);
      const response = await service.handle(request);
      if (!response) {
        if (next) return next();
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      await sendServiceResponse(res, response, req.method === 'HEAD');
    } catch (error) {
      if (next) return next(error);
      console.warn(`consentry receipts: ${(error as Error).message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    }
  };
}

/** `http.createServer(receiptsHandler(service))`. */
export const receiptsHandler = (service: ReceiptsService, options: NodeAdapterOptions = {}) => {
  const middleware = receiptsMiddleware(service, options);
  return (req: IncomingMessage, res: ServerResponse) => void middleware(req, res);
};
