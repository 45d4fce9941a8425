import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { rewriteMiddleware } from '../../src/node/rewrite/node-middleware';
import { launchChromium, newContext } from './helpers/browser';
import { closeContext } from './helpers/close-context';
import { settle, view } from './zoo/visit';
import { startZoo, zooSettings, type Zoo } from './zoo/zoo';

/*
 * The tag zoo (tests/e2e/zoo) served through the HTML rewriter: the Node middleware (as a proxy in front of
 * the zoo site) and the Cloudflare Worker in workerd (miniflare 3, `upstream` = the zoo site). Served raw,
 * the zoo's static tracker tags are requested by Chromium's preload scanner before any script runs;
 * rewritten, nothing reaches a tracker before consent or after refusal, and a later "accept all" runs
 * every tag as on the original page. The zoo's SDK reads its own stand-in choice cookie, which the
 * server cannot decode, so the server holds everything and the runtime gate activates it.
 */

const PRELOADED = ['A:/s/u-static.js', 'B:/p/u-static.gif', 'ga:/analytics.js'];
const OWN = ['head-inline', 'own', 'body-inline', 'end-inline'];
/** What "accept all" later in the page loads on the original zoo (blocking-zoo.test.ts), held static tags included. */
const ACCEPTED_LATER = [
  'A:/s/m-ext.js',
  'A:/p/m-ext-pixel.gif',
  'A:/s/m-async.js',
  'A:/s/vcc.js',
  'A:/s/klaro.js',
  'A:/s/tm.js',
  'A:/s/tm-child-a.js',
  'A:/s/m-defer.js',
  'A:/s/m-module.js',
  'A:/c/m-link.css',
  'baidu:/hm.js',
  'cnzz:/z_stat.php',
  'A:/s/u-attr.js',
  'A:/p/u-prepend.gif',
  'A:/s/u-after.js',
  'A:/p/u-adjacent.gif',
  'A:/s/u-sub.js',
  'A:/s/u-fragment.js',
  'B:/s/m-service.js',
  'B:/p/m-img.gif',
  'B:/f/m-iframe.html',
  'B:/p/m-poster.gif',
  'B:/v/m-video.mp4',
  'B:/e/m-embed.svg',
  'B:/e/m-object.svg',
  'fb:/en_US/fbevents.js',
  'B:/s/u-append.js',
  'B:/f/u-before.html',
  'B:/f/u-replace.html',
  'B:/p/u-new-image.gif',
  'B:/f/u-sub.html',
  'B:/p/u-link.gif',
  'B:/s/tm-child.js',
  'B:/p/m-ext-cross.gif',
  'A:/s/u-static.js',
  'ga:/analytics.js',
  'B:/f/u-static.html',
  'B:/p/u-static.gif',
];
const RAN_ALL = [
  ...OWN,
  'm-ext',
  'm-inline',
  'm-async',
  'vcc',
  'klaro',
  'tm',
  'tm-child-a',
  'm-defer',
  'm-module',
  'u-ga',
  'u-static',
  'u-baidu',
  'u-cnzz',
  'u-attr',
  'u-after',
  'u-sub',
  'u-fragment',
  'm-service',
  'u-fb',
  'u-append',
  'tm-child',
];
const ORDERED = ['m-ext', 'm-inline', 'vcc', 'klaro', 'tm', 'm-defer', 'm-module'];
const FRAMES = ['frame:m-iframe', 'frame:u-before', 'frame:u-replace', 'frame:u-static', 'frame:u-sub'];

const sorted = (list: string[]) => [...list].sort();
const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

let browser: Browser;
let zoo: Zoo;
let proxy: Server;
let mf: Miniflare;
let context: BrowserContext;
const sites: { [mode: string]: string } = {};

/** The zoo site behind the middleware: the app streams the upstream body through res.write. */
async function startProxy(): Promise<string> {
  const middleware = rewriteMiddleware({ settings: zooSettings(zoo) });
  proxy = createServer((req: IncomingMessage, res: ServerResponse) =>
    middleware(req, res, async () => {
      const upstream = await fetch(zoo.site + req.url, { headers: { cookie: req.headers.cookie || '' } });
      for (const name of ['content-type', 'content-length', 'cache-control']) {
        const value = upstream.headers.get(name);
        if (value) res.setHeader(name, value);
      }
      res.writeHead(upstream.status);
      for await (const chunk of upstream.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
      res.end();
    }),
  );
  return listen(proxy);
}

/** The Worker adapter in workerd, with the zoo's settings, in front of the zoo site. */
async function startWorker(): Promise<string> {
  const entry = `import { createWorkerRewriter } from './src/node/rewrite/edge.ts';
const rewrite = createWorkerRewriter({ settings: ${JSON.stringify(zooSettings(zoo))} });
export default { async fetch(request) { return rewrite(request, await fetch(request)); } };`;
  const bundle = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  mf = new Miniflare({
    modules: true,
    script: bundle.outputFiles[0].text,
    compatibilityDate: '2025-01-01',
    upstream: zoo.site,
    host: '127.0.0.1',
    port: 0,
    cf: false,
  });
  return String(await mf.ready).replace(/\/$/, '');
}

beforeAll(async () => {
  browser = await launchChromium();
  zoo = await startZoo();
  sites.raw = zoo.site;
  sites['Node middleware'] = await startProxy();
  sites['Worker (miniflare)'] = await startWorker();
});
afterAll(async () => {
  await browser?.close();
  await zoo?.close();
  await new Promise((resolve) => proxy?.close(resolve));
  await mf?.dispose();
});
beforeEach(async (test) => {
  context = await newContext(browser);
  await zoo.routeRealHosts(context);
  zoo.hits.length = 0;
  test.onTestFinished(() => closeContext(context));
});

async function open(site: string, choice: string | null = null): Promise<Page> {
  if (choice != null) await context.addCookies([{ name: 'consentry', value: choice, url: site }]);
  const page = await context.newPage();
  await page.goto(site + '/');
  await settle(page, zoo.hits);
  return page;
}

test('served raw, the static tracker tags are requested before any script can stop them', async () => {
  const page = await open(sites.raw);
  expect((await view(page)).order).toEqual(OWN);
  expect(sorted(zoo.hits.filter((hit) => hit != 'B:/f/u-static.html'))).toEqual(sorted(PRELOADED));
});

describe.each(['Node middleware', 'Worker (miniflare)'])('served through the %s', (mode) => {
  test('no choice: no request reaches any tracker, static tags included, and only the site’s own code runs', async () => {
    const page = await open(sites[mode]);
    const seen = await view(page);
    expect(zoo.hits).toEqual([]);
    expect(seen.order).toEqual(OWN);
    expect(await page.locator('#u-static-img').getAttribute('data-consent')).toBe('advertising');
  });

  test('reject all: no request reaches any tracker', async () => {
    const page = await open(sites[mode], '-');
    expect(zoo.hits).toEqual([]);
    expect((await view(page)).order).toEqual(OWN);
  });

  test('accept all later: every tag runs, once, in order, as on the original page', async () => {
    const page = await open(sites[mode]);
    await page.evaluate(() => window.__zoo.choose(['analytics', 'advertising']));
    await settle(page, zoo.hits);
    const seen = await view(page);
    // Chromium may serve the static pixel from its image cache; everything else is requested exactly once.
    expect(sorted(zoo.hits.filter((hit) => hit != 'B:/p/u-static.gif'))).toEqual(
      sorted(ACCEPTED_LATER.filter((hit) => hit != 'B:/p/u-static.gif')),
    );
    expect(zoo.hits.filter((hit) => hit == 'B:/p/u-static.gif').length).toBeLessThanOrEqual(1);
    expect(sorted(seen.order)).toEqual(sorted(RAN_ALL));
    expect(seen.order.filter((id) => ORDERED.includes(id))).toEqual(ORDERED);
    expect(sorted(seen.messages)).toEqual(FRAMES);
  });
});
