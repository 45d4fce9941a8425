import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const DIST = new URL('../../../dist/', import.meta.url).pathname;
const TYPES: { [ext: string]: string } = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
};

export interface Hit {
  method: string;
  path: string;
  body: string;
  time: number;
}

export type Route = (req: IncomingMessage, res: ServerResponse, body: string) => boolean | void | Promise<boolean | void>;

export interface TestServer {
  url: string;
  origin: string;
  hits: Hit[];
  /** Serve this HTML (or text) at a path. */
  page(path: string, html: string, type?: string): void;
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

/**
 * A loopback server for e2e tests: /dist/* from the build, pages and routes registered by the test,
 * every request recorded. Listens on a free port of 127.0.0.1.
 */
export async function startServer(): Promise<TestServer> {
  const pages = new Map<string, { body: string; type: string }>();
  const routes = new Map<string, Route>();
  const hits: Hit[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    const path = (req.url || '/').split('?')[0];
    hits.push({ method: req.method || 'GET', path: req.url || '/', body, time: Date.now() });
    try {
      if (path === '/favicon.ico') return void res.writeHead(204).end();
      const route = routes.get(path);
      if (route && (await route(req, res, body)) !== false) return;
      const page = pages.get(path);
      if (page) {
        res.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-store' });
        return void res.end(page.body);
      }
      if (path.startsWith('/dist/')) {
        const file = normalize(join(DIST, path.slice(6)));
        if (!file.startsWith(DIST)) throw new Error('outside dist');
        const data = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
        return void res.end(data);
      }
      res.writeHead(404).end('not found');
    } catch {
      if (!res.headersSent) res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + '/',
    origin,
    hits,
    page: (path, html, type = 'text/html; charset=utf-8') => void pages.set(path, { body: html, type }),
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
