import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { send } from './respond.mjs';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * Resolves a URL path inside `root`; null when it would escape it (`..`, encoded slashes, NUL).
 * @param {string} root
 * @param {string} urlPath
 */
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, '.' + (decoded.startsWith('/') ? decoded : '/' + decoded));
  return file === base || file.startsWith(base + sep) ? file : null;
}

/**
 * Serves one file under `root`; answers 404 for anything missing or outside.
 * @param {import('node:http').ServerResponse} res
 * @param {string} root
 * @param {string} urlPath
 */
export async function serveFile(res, root, urlPath) {
  const file = resolveInside(root, urlPath);
  const type = file && CONTENT_TYPES[/** @type {keyof typeof CONTENT_TYPES} */ (extname(file))];
  if (!file || !type) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  try {
    send(res, 200, await readFile(file), type);
  } catch {
    send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  }
}
