import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  origin: string;
  /** Serve `body` at `path` from now on. */
  route(path: string, body: string, type?: string): void;
  close(): Promise<void>;
}

/** A static server on 127.0.0.1 and a free port; two of them make two origins for cross-origin frames. */
export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, { body: string; type: string }>();
  const server: Server = createServer((request, response) => {
    const found = routes.get((request.url || '/').split('?')[0]);
    response.writeHead(found ? 200 : 404, { 'content-type': found?.type || 'text/plain', 'cache-control': 'no-store' });
    response.end(found?.body || 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    route(path, body, type = path.endsWith('.js') ? 'text/javascript' : 'text/html') {
      routes.set(path, { body, type });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
