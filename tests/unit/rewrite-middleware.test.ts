import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { encodeRecord } from '../../src/core/policy/record';
import { rewriteMiddleware } from '../../src/node/rewrite/node-middleware';

const GA = 'https://www.google-analytics.com/analytics.js';
const DC = 'https://ad.doubleclick.net/p.gif';
const PAGE = `<!doctype html><html><head><script async src="${GA}"></script></head><body><p>Grüße €</p><img src="${DC}"><img src="/own.png"></body></html>`;
const HELD_ALL = `<!doctype html><html><head><script async="" data-src="${GA}" type="text/plain" data-consent="analytics"></script></head><body><p>Grüße €</p><img data-src="${DC}" data-consent="advertising"><img src="/own.png"></body></html>`;
const HELD_ADS = `<!doctype html><html><head><script async src="${GA}"></script></head><body><p>Grüße €</p><img data-src="${DC}" data-consent="advertising"><img src="/own.png"></body></html>`;
const settings = validateConfig({});
const analyticsCookie = () =>
  'consentry=' +
  encodeRecord({
    id: 'visitor-0001',
    time: Date.now() - 1000,
    revision: 0,
    categories: { analytics: true, advertising: false },
    services: {},
    method: 'custom',
    expires: Date.now() + 864e5,
  });

type App = (req: IncomingMessage, res: ServerResponse) => void;
const html = { 'content-type': 'text/html; charset=utf-8' };
let writeGate: () => void = () => undefined;

// A Connect-style chain: the middleware, then the app as `next`.
const APPS: { [path: string]: App } = {
  '/end': (_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(PAGE));
    res.end(PAGE);
  },
  '/write-head': (_req, res) => {
    res.writeHead(200, 'OK', { ...html, 'content-length': String(Buffer.byteLength(PAGE)), vary: 'Accept-Encoding' });
    const bytes = Buffer.from(PAGE);
    // Split inside the script tag and inside the two-byte "ü".
    const at = [30, bytes.indexOf('ü') + 1, bytes.length - 20];
    res.write(bytes.subarray(0, at[0]));
    res.write(bytes.subarray(at[0], at[1]));
    res.write(bytes.subarray(at[1], at[2]), () => undefined);
    res.end(bytes.subarray(at[2]));
  },
  '/raw-headers': (_req, res) => {
    res.writeHead(200, ['Content-Type', 'text/html', 'Content-Length', String(Buffer.byteLength(PAGE))]);
    res.end(PAGE, 'utf8');
  },
  '/slow': (_req, res) => {
    res.writeHead(200, html);
    res.write(PAGE.slice(0, 60));
    new Promise<void>((resolve) => (writeGate = resolve)).then(() => res.end(PAGE.slice(60)));
  },
  '/etag': (req, res) => {
    // What Express's res.send and serve-static do: set the ETag, then compare it with If-None-Match.
    res.setHeader('Content-Type', 'text/html');
    res.setHeader('ETag', '"v1"');
    if (req.headers['if-none-match'] === res.getHeader('etag')) return void res.writeHead(304).end();
    res.end(PAGE);
  },
  '/piped': (_req, res) => {
    res.setHeader('Content-Type', 'text/html');
    Readable.from([...Buffer.from(PAGE)].map((byte) => Buffer.from([byte]))).pipe(res);
  },
  '/gzip': (_req, res) => {
    res.writeHead(200, { ...html, 'content-encoding': 'gzip' });
    res.end(gzipSync(PAGE));
  },
  '/json': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ html: PAGE }));
  },
  '/latin1': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
    res.end(Buffer.from(PAGE, 'latin1'));
  },
  '/no-content': (_req, res) => {
    res.writeHead(204, html);
    res.end();
  },
};

let server: Server;
let origin: string;
beforeAll(async () => {
  const middleware = rewriteMiddleware({ settings });
  server = createServer((req, res) => middleware(req, res, () => (APPS[req.url!] || APPS['/end'])(req, res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => fetch(origin + path, { headers, method });

describe('Connect/Express middleware', () => {
  it.each(['/end', '/write-head', '/raw-headers', '/piped'])('rewrites HTML written through %s', async (path) => {
    const response = await get(path);
    expect(await response.text()).toBe(HELD_ALL);
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/Cookie, Sec-GPC$/);
  });

  it('keeps the app’s Vary and adds its own', async () => {
    expect((await get('/write-head')).headers.get('vary')).toBe('Accept-Encoding, Cookie, Sec-GPC');
  });

  it('leaves what the consent cookie grants untouched', async () => {
    expect(await (await get('/end', { cookie: `a=1; ${analyticsCookie()}` })).text()).toBe(HELD_ADS);
  });

  it('streams: the first bytes leave before the app has finished', async () => {
    const response = await get('/slow');
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first.length).toBeGreaterThan(20);
    expect(PAGE.startsWith(first)).toBe(true);
    writeGate();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(first + rest).toBe(HELD_ALL);
  });

  it('turns an ETag into a per-grants variant before freshness is checked', async () => {
    const anonymous = await get('/etag');
    const etag = anonymous.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"v1-cs[0-9a-z]+"$/);
    expect((await get('/etag', { 'if-none-match': etag })).status).toBe(304);
    const granted = await get('/etag', { 'if-none-match': etag, cookie: analyticsCookie() });
    expect(granted.status).toBe(200);
    expect(granted.headers.get('etag')).not.toBe(etag);
    expect(await granted.text()).toBe(HELD_ADS);
  });

  it('leaves compressed, non-HTML, other-charset and empty responses alone', async () => {
    const gzip = await get('/gzip', { 'accept-encoding': 'gzip' });
    expect(await gzip.text()).toBe(PAGE);
    expect(await (await get('/json')).text()).toBe(JSON.stringify({ html: PAGE }));
    expect(Buffer.from(await (await get('/latin1')).arrayBuffer())).toEqual(Buffer.from(PAGE, 'latin1'));
    const empty = await get('/no-content');
    expect(empty.status).toBe(204);
    expect(empty.headers.get('vary')).toBeNull();
  });

  it('answers HEAD with the headers a GET would have', async () => {
    const head = await get('/end', {}, 'HEAD');
    expect(head.headers.get('content-length')).toBeNull();
    expect(head.headers.get('vary')).toMatch(/Cookie/);
  });

  it('holds tags under a fixed grant without varying by cookie', async () => {
    const fixed = rewriteMiddleware({ settings, grantedCategories: [] });
    const other = createServer((req, res) => fixed(req, res, () => APPS['/end'](req, res)));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const response = await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`, { headers: { cookie: analyticsCookie() } });
    expect(await response.text()).toBe(HELD_ALL);
    expect(response.headers.get('vary')).toBeNull();
    await new Promise<void>((resolve) => other.close(() => resolve()));
  });

  it('resolves page-relative rules against the request URL', async () => {
    const ruled = rewriteMiddleware({ settings: validateConfig({ blocking: { rules: [{ match: '/track/', category: 'analytics' }] } }) });
    const other = createServer((req, res) =>
      ruled(req, res, () => {
        res.setHeader('content-type', 'text/html');
        res.end('<script src="../track/t.js"></script><script src="/app.js"></script>');
      }),
    );
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const response = await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}/shop/item`);
    expect(await response.text()).toBe(
      '<script data-src="../track/t.js" type="text/plain" data-consent="analytics"></script><script src="/app.js"></script>',
    );
    await new Promise<void>((resolve) => other.close(() => resolve()));
  });
});
