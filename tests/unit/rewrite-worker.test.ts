import { build } from 'esbuild';
import fc from 'fast-check';
import { Miniflare } from 'miniflare';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { encodeRecord } from '../../src/core/policy/record';
import { createRewriter } from '../../src/node/rewrite/create-rewriter';
import config from '../../examples/cloudflare-worker/consentry.json';

// The example Worker (examples/cloudflare-worker) as deployed, run in workerd by miniflare 3 with the
// platform's own HTMLRewriter (lol-html). The Worker fetches the origin (a loopback server here) over the
// network, as in production, so the runtime decodes compressed bodies itself.
const GA = 'https://www.google-analytics.com/analytics.js';
const DC = 'https://ad.doubleclick.net/p.gif';
const origin = new Map<string, { body: string | Uint8Array; headers: Record<string, string> }>();
const HTML = { 'content-type': 'text/html; charset=utf-8' };
let mf: Miniflare;
let server: Server;
let originUrl: string;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: ['examples/cloudflare-worker/worker.ts'],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    alias: { 'consentry/rewrite/edge': './src/node/rewrite/edge.ts' },
    logLevel: 'silent',
  });
  mf = new Miniflare({
    modules: true,
    script: bundle.outputFiles[0].text,
    compatibilityDate: '2025-01-01',
    cf: false,
  });
  await mf.ready;
  server = createServer((req, res) => {
    const page = origin.get(req.url!.split('?')[0]);
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, page.headers).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  originUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await mf?.dispose();
  await new Promise((resolve) => server?.close(resolve));
});

const serve = async (path: string, body: string | Uint8Array, headers: Record<string, string> = HTML, request: RequestInit = {}) => {
  origin.set(path, { body, headers });
  const response = await mf.dispatchFetch(originUrl + path, request as any);
  return { response, text: await response.text() };
};

describe('Cloudflare Worker (miniflare, native HTMLRewriter)', () => {
  it('holds tracker tags and fixes the headers', async () => {
    const page = `<head><script async src="${GA}"></script></head><img src=${DC} alt='x "y"'><img src="/own.png">`;
    const { response, text } = await serve('/a', page, { ...HTML, 'content-length': String(page.length), etag: '"o1"' });
    expect(text).toBe(
      `<head><script async data-src="${GA}" type="text/plain" data-consent="analytics"></script></head><img alt='x "y"' data-src="${DC}" data-consent="advertising"><img src="/own.png">`,
    );
    expect(response.headers.get('vary')).toBe('Cookie, Sec-GPC');
    expect(response.headers.get('etag')).toMatch(/^W\/"o1-cs[0-9a-z]+"$/);
    expect(response.headers.get('content-length')).toBeNull();
  });

  it('uses the config’s rules, the base URL, and character references as the browser reads them', async () => {
    const { text } = await serve(
      '/b',
      '<script src="/vendor/heatmap/h.js"></script><base href="https://www.google-analytics.com/"><script src="g&#46;js?a=1&amp;b=2"></script>',
    );
    expect(text).toBe(
      '<script data-src="/vendor/heatmap/h.js" type="text/plain" data-consent="analytics"></script><base href="https://www.google-analytics.com/"><script data-src="g&#46;js?a=1&amp;b=2" type="text/plain" data-consent="analytics"></script>',
    );
  });

  it('rewrites noscript content, leaves inline scripts and SVG alone', async () => {
    const inline = `<script>document.write('<img src="${DC}">')</script><svg><script href="${GA}"></script></svg>`;
    const { text } = await serve('/c', `<noscript><img src="${DC}"></noscript>${inline}`);
    expect(text).toBe(`<noscript><img data-src="${DC}" data-consent="advertising"></noscript>${inline}`);
  });

  it('leaves granted categories untouched', async () => {
    const cookie =
      'consentry=' +
      encodeRecord({
        id: 'visitor-0001',
        time: Date.now(),
        revision: 1,
        categories: { analytics: true },
        services: {},
        method: 'custom',
        expires: Date.now() + 864e5,
      });
    const { text } = await serve('/d', `<script src="${GA}"></script><img src="${DC}">`, HTML, { headers: { cookie } });
    expect(text).toBe(`<script src="${GA}"></script><img data-src="${DC}" data-consent="advertising">`);
  });

  it('decodes a compressed origin response before rewriting, and passes other types through', async () => {
    const { text } = await serve('/e', gzipSync(`<img src="${DC}">`), { ...HTML, 'content-encoding': 'gzip' });
    expect(text).toBe(`<img data-src="${DC}" data-consent="advertising">`);
    expect((await serve('/f.js', `"<img src=${DC}>"`, { 'content-type': 'text/javascript' })).text).toBe(`"<img src=${DC}>"`);
  });

  it('gives the same DOM as the Node rewriter on random pages', async () => {
    const node = createRewriter({ settings: validateConfig(config), grantedCategories: 'from-cookie' });
    const tag = fc.constantFrom('script', 'img', 'iframe', 'link', 'video', 'source', 'p', 'noscript', 'template', 'svg', 'table', 'td');
    const attribute = fc.tuple(
      fc.constantFrom('src', 'srcset', 'href', 'rel', 'poster', 'type', 'data-consent', 'alt'),
      fc.constantFrom(GA, DC, '/own', 'stylesheet', 'module', 'x&amp;y', '//connect.facebook.net/f.js'),
    );
    const page = fc
      .array(
        fc.oneof(
          fc
            .tuple(tag, fc.array(attribute, { maxLength: 3 }))
            .map(([name, attrs]) => `<${name}${attrs.map(([n, v]) => ` ${n}="${v}"`).join('')}>`),
          tag.map((name) => `</${name}>`),
          fc.constantFrom('text', '&amp;', '<!-- c -->', "<script>var s='<img src=x>'</script>"),
        ),
        { maxLength: 15 },
      )
      .map((parts) => parts.join(''));
    const dom = (html: string): unknown => {
      const walk = (node: T.ParentNode): unknown[] =>
        [...((node as T.Template).content?.childNodes ?? []), ...node.childNodes].map((child) =>
          'tagName' in child
            ? [child.tagName, Object.fromEntries(child.attrs.map((a) => [a.name, a.value])), walk(child)]
            : 'value' in child
              ? child.value
              : child.nodeName,
        );
      return walk(parse(html));
    };
    const samples = fc.sample(page, { numRuns: 150, seed: 12 });
    for (const [i, html] of samples.entries()) {
      const { text } = await serve(`/r${i}`, html);
      const expected = node.rewrite(html, { url: `${originUrl}/r${i}` });
      // noscript content is text in both DOMs: compare it as the Node rewriter writes it.
      expect(dom(text), html).toEqual(dom(expected));
    }
  }, 120_000);
});
