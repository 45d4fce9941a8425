import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { encodeRecord } from '../../src/core/policy/record';
import { createFastifyOnSend, fastifyRewrite, type FastifyOnSend, type FastifyReplyLike } from '../../src/node/rewrite/fastify';

// Fastify is not installed here: the hook is exercised through its documented contract,
// `onSend(request, reply, payload) => Promise<payload>`, with reply.getHeader/header/removeHeader.
const GA = 'https://www.google-analytics.com/analytics.js';
const PAGE = `<p>x</p><script src="${GA}"></script>`;
const HELD = `<p>x</p><script data-src="${GA}" type="text/plain" data-consent="analytics"></script>`;
const settings = validateConfig({});

function fakeReply(headers: Record<string, unknown>, statusCode = 200): FastifyReplyLike & { headers: Record<string, unknown> } {
  const store: Record<string, unknown> = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    statusCode,
    headers: store,
    getHeader: (name) => store[name.toLowerCase()],
    header(name, value) {
      store[name.toLowerCase()] = value;
      return this;
    },
    removeHeader(name) {
      delete store[name.toLowerCase()];
      return this;
    },
  };
}
const request = (headers: Record<string, string> = {}, method = 'GET') => ({
  method,
  url: '/shop',
  headers,
  protocol: 'https',
  hostname: 'shop.example',
});
const onSend: FastifyOnSend = createFastifyOnSend({ settings });

describe('Fastify onSend hook', () => {
  it('rewrites string and Buffer payloads and fixes the headers', async () => {
    for (const payload of [PAGE, Buffer.from(PAGE)]) {
      const reply = fakeReply({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': 99, ETag: '"e1"' });
      expect(await onSend(request(), reply, payload)).toBe(HELD);
      expect(reply.headers).toMatchObject({ vary: 'Cookie, Sec-GPC', etag: expect.stringMatching(/^W\/"e1-cs/) });
      expect(reply.headers['content-length']).toBeUndefined();
    }
  });

  it('rewrites a stream payload as a stream', async () => {
    const reply = fakeReply({ 'content-type': 'text/html' });
    const out = (await onSend(request(), reply, Readable.from([Buffer.from(PAGE.slice(0, 15)), Buffer.from(PAGE.slice(15))]))) as Readable;
    let text = '';
    for await (const chunk of out) text += chunk;
    expect(text).toBe(HELD);
  });

  it('leaves granted categories, other types, compressed bodies, HEAD and 304 alone', async () => {
    const cookie =
      'consentry=' +
      encodeRecord({
        id: 'visitor-0001',
        time: Date.now(),
        revision: 0,
        categories: { analytics: true },
        services: {},
        method: 'custom',
        expires: Date.now() + 864e5,
      });
    expect(await onSend(request({ cookie }), fakeReply({ 'content-type': 'text/html' }), PAGE)).toBe(PAGE);
    expect(await onSend(request(), fakeReply({ 'content-type': 'application/json' }), PAGE)).toBe(PAGE);
    expect(await onSend(request(), fakeReply({ 'content-type': 'text/html', 'content-encoding': 'br' }), PAGE)).toBe(PAGE);
    expect(await onSend(request({}, 'HEAD'), fakeReply({ 'content-type': 'text/html' }), PAGE)).toBe(PAGE);
    expect(await onSend(request(), fakeReply({ 'content-type': 'text/html' }, 304), PAGE)).toBe(PAGE);
    expect(await onSend(request(), fakeReply({ 'content-type': 'text/html' }), null)).toBeNull();
  });

  it('registers as an unencapsulated plugin', async () => {
    const hooks: Array<[string, FastifyOnSend]> = [];
    let done = false;
    fastifyRewrite({ addHook: (name, hook) => hooks.push([name, hook]) }, { settings }, () => (done = true));
    expect(done).toBe(true);
    expect(hooks.map(([name]) => name)).toEqual(['onSend']);
    expect((fastifyRewrite as unknown as { [k: symbol]: boolean })[Symbol.for('skip-override')]).toBe(true);
    expect(await hooks[0][1](request(), fakeReply({ 'content-type': 'text/html' }), PAGE)).toBe(HELD);
  });
});
