import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFetchError, preflight } from '../../src/node/cli/crawl/preflight';
import { InputError } from '../../src/node/cli/errors';

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url || '/';
    if (path == '/') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><p>hi');
    if (path == '/xhtml') return void res.writeHead(200, { 'content-type': 'application/xhtml+xml' }).end('<html/>');
    if (path == '/untyped') return void res.writeHead(200).end('<!DOCTYPE html><title>x</title>');
    if (path == '/untyped-text') return void res.writeHead(200).end('plain words');
    if (path == '/json') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    if (path == '/moved') return void res.writeHead(301, { location: '/' }).end();
    if (path == '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    if (path == '/away') return void res.writeHead(302, { location: 'https://elsewhere.example/' }).end();
    if (path == '/gone') return void res.writeHead(404, 'Not Found').end();
    if (path == '/hang') return; // never answers
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const check = (path: string, timeout = 3000) => preflight(new URL(origin + path), { timeout });
const failure = async (path: string, timeout = 3000) => {
  const error = await check(path, timeout).then(
    () => null,
    (error) => error,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as Error).message;
};

describe('preflight', () => {
  it('accepts HTML pages, by content type or by their first bytes', async () => {
    expect((await check('/')).status).toBe(200);
    expect((await check('/xhtml')).contentType).toBe('application/xhtml+xml');
    expect((await check('/untyped')).status).toBe(200);
  });
  it('follows same-origin redirects and reports where the page is', async () => {
    expect((await check('/moved')).url.href).toBe(origin + '/');
  });
  it('refuses non-HTML, redirects off the site, loops, error statuses and silence, each in words', async () => {
    expect(await failure('/json')).toMatch(/is not an HTML page \(content-type: application\/json\)/);
    expect(await failure('/untyped-text')).toMatch(/not an HTML page/);
    expect(await failure('/away')).toMatch(/redirects to another site \(https:\/\/elsewhere.example\)/);
    expect(await failure('/loop')).toMatch(/redirects more than 5 times/);
    expect(await failure('/gone')).toMatch(/answered HTTP 404 Not Found/);
    expect(await failure('/hang', 300)).toMatch(/did not answer within 0.3 s/);
  });
  it('tells a refused connection and a TLS failure apart', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await preflight(new URL(`http://127.0.0.1:${port}/`), { timeout: 2000 }).catch((error) => error);
    expect(refused.message).toMatch(/cannot connect to 127.0.0.1:\d+: connection refused/);
    // https:// to a plain-HTTP server fails in the TLS handshake.
    const tls = await preflight(new URL(origin.replace('http:', 'https:') + '/'), { timeout: 2000 }).catch((error) => error);
    expect(tls).toBeInstanceOf(InputError);
    expect(tls.message).toMatch(/^TLS error talking to 127.0.0.1:\d+/);
  });
  it('names DNS failures and unknown errors', () => {
    const url = new URL('https://no-such-host.invalid/');
    expect(describeFetchError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }), url, 1000)).toMatch(
      /cannot find no-such-host.invalid/,
    );
    expect(
      describeFetchError(
        Object.assign(new TypeError('fetch failed'), { cause: { code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' } }),
        url,
        1000,
      ),
    ).toBe('TLS error talking to no-such-host.invalid: certificate has expired (CERT_HAS_EXPIRED)');
    expect(describeFetchError(new Error('boom'), url, 1000)).toBe('cannot load https://no-such-host.invalid/: boom');
  });
});
