import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createReceiptStore,
  createReceiptsService,
  fastifyReceipts,
  openPGlite,
  receiptsFetchHandler,
  receiptsMiddleware,
  type ReceiptStore,
} from '../../src/node/receipts';
import { receipt } from './receipts/fixtures';

// The adapters over one in-memory PGlite store (the storage itself is tested on both backends elsewhere).
let store: ReceiptStore;
beforeAll(async () => {
  store = await createReceiptStore(await openPGlite());
}, 60_000);
afterAll(() => store.close());

describe('receipts adapters', { timeout: 30_000 }, () => {
  it('fetch handler (Workers): Request in, Response out; 202, 413, 422, 429 and null for other paths', async () => {
    const service = createReceiptsService({ store, batch: { flushMs: 1 }, rateLimit: { burst: 3, perSecond: 0.01 } });
    const handle = receiptsFetchHandler(service);
    const post = (body: string, ip = '203.0.113.7') =>
      handle(new Request('https://site.example/consent-receipts', { method: 'POST', body, headers: { 'cf-connecting-ip': ip } }));
    const accepted = await post(JSON.stringify(receipt({ consentId: 'fetch-handler-1' })));
    expect(accepted!.status).toBe(202);
    expect((await store.find({ consentId: 'fetch-handler-1' })).length).toBe(1);
    expect((await post('x'.repeat(9000)))!.status).toBe(413);
    expect((await post('{"consentId":"fetch-handler-2"}'))!.status).toBe(422);
    // The bucket is per client: this one is empty now, another client still gets in.
    expect((await post(JSON.stringify(receipt())))!.status).toBe(429);
    expect((await post(JSON.stringify(receipt({ consentId: 'fetch-handler-3' })), '198.51.100.1'))!.status).toBe(202);
    expect(await handle(new Request('https://site.example/other'))).toBeNull();
    await service.close();
  });

  it('Connect/Express middleware: passes other paths to next() and honours a mount prefix (originalUrl)', async () => {
    const service = createReceiptsService({ store, path: '/api/consent', batch: { flushMs: 1 } });
    const middleware = receiptsMiddleware(service);
    let passedOn = 0;
    const server = createServer((req, res) => {
      // What Express does for app.use('/api', middleware): req.url loses the prefix, originalUrl keeps it.
      const original = req.url!;
      if (original.startsWith('/api/')) Object.assign(req, { originalUrl: original, url: original.slice(4) });
      middleware(req, res, () => {
        passedOn += 1;
        res.writeHead(404).end('app 404');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const response = await fetch(origin + '/api/consent', {
        method: 'POST',
        body: JSON.stringify(receipt({ consentId: 'express-mounted' })),
      });
      expect(response.status).toBe(202);
      expect((await store.find({ consentId: 'express-mounted' })).length).toBe(1);
      expect((await fetch(origin + '/api/other')).status).toBe(404);
      expect(passedOn).toBe(1);
    } finally {
      await service.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('Connect/Express middleware after a body parser (express.json / urlencoded) takes the parsed body', async () => {
    const service = createReceiptsService({ store, batch: { flushMs: 1 }, adminToken: 'parsed-body-token' });
    const middleware = receiptsMiddleware(service);
    const server = createServer(async (req, res) => {
      // What express.json() and express.urlencoded() leave behind: the stream read, req.body an object.
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString();
      Object.assign(req, {
        body: /form/.test(req.headers['content-type'] || '') ? Object.fromEntries(new URLSearchParams(text)) : JSON.parse(text),
      });
      middleware(req, res, () => res.writeHead(404).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const posted = await fetch(origin + '/consent-receipts', {
        method: 'POST',
        body: JSON.stringify(receipt({ consentId: 'express-parsed' })),
        headers: { 'content-type': 'application/json' },
      });
      expect(posted.status).toBe(202);
      const signIn = await fetch(origin + '/consent-receipts/admin/login', {
        method: 'POST',
        body: 'token=parsed-body-token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        redirect: 'manual',
      });
      expect(signIn.status).toBe(303);
      expect(signIn.headers.get('set-cookie')).toMatch(
        /^consentry_receipts_admin=[0-9a-f]{64}; Path=\/consent-receipts\/admin; HttpOnly; SameSite=Strict/,
      );
    } finally {
      await service.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("Fastify plugin: reads the body itself (its own cap, any content type) and leaves the app's routes alone", async () => {
    const service = createReceiptsService({ store, batch: { flushMs: 1 }, maxBytes: 1024, adminToken: 'fastify-admin-token' });
    const app = Fastify();
    app.get('/hello', async () => ({ hello: 'world' }));
    app.post('/echo', async (request) => request.body);
    await app.register(fastifyReceipts as never, { service });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const json = await fetch(origin + '/consent-receipts', {
        method: 'POST',
        body: JSON.stringify(receipt({ consentId: 'fastify-json' })),
        headers: { 'content-type': 'application/json' },
      });
      expect(json.status).toBe(202);
      // sendBeacon with a string body sends text/plain.
      const beacon = await fetch(origin + '/consent-receipts', {
        method: 'POST',
        body: JSON.stringify(receipt({ consentId: 'fastify-beacon' })),
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
      });
      expect(beacon.status).toBe(202);
      expect(
        (
          await fetch(origin + '/consent-receipts', {
            method: 'POST',
            body: 'x'.repeat(5000),
            headers: { 'content-type': 'application/json' },
          })
        ).status,
      ).toBe(413);
      expect(
        (await fetch(origin + '/consent-receipts', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } })).status,
      ).toBe(400);
      expect((await store.find({ consentId: 'fastify-beacon' })).length).toBe(1);
      expect((await fetch(origin + '/consent-receipts/admin')).status).toBe(401);
      expect((await fetch(origin + '/consent-receipts/admin', { headers: { authorization: 'Bearer fastify-admin-token' } })).status).toBe(
        200,
      );
      // The app's own JSON parsing is untouched by the plugin's encapsulated parser.
      expect(
        await (await fetch(origin + '/echo', { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } })).json(),
      ).toEqual({ a: 1 });
      expect(await (await fetch(origin + '/hello')).json()).toEqual({ hello: 'world' });
    } finally {
      await service.close();
      await app.close();
    }
  });
});
