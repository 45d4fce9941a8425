import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newContext } from './helpers/browser';
import { buildNextExample } from './helpers/build-next-example';
import { countedConsentry, createConsentCalls } from './helpers/counted-consentry';
import { startServer, type TestServer } from './helpers/server';

// The examples in examples/ as a site owner builds them (each with its own Vite config, `consentry` being the
// repo's build; the Next.js one server-rendered and hydrated without Next), served on 127.0.0.1 and visited in
// Chromium: the banner shows, nothing gated runs before a choice or after "Reject all", the example's own
// "Cookie settings" opens the preferences, and "Accept all" there updates what the framework's subscription
// shows and fires each gated tag exactly once.

const ROOT = new URL('../../', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
if (!existsSync(join(DIST, 'consentry.mjs')) || !existsSync(join(DIST, 'consentry.min.js'))) {
  throw new Error(`The examples tests need the SDK build in ${DIST}: run "npm run build" first.`);
}

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });
const TYPES: { [ext: string]: string } = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-XXXXXXXXXX';
const GPT = 'https://securepubads.g.doubleclick.net/tag/js/gpt.js';

interface Example {
  name: string;
  build(name: string): Promise<string>;
  /** What the gated tags did: requests that none but they make, in order. */
  gated(site: Site): string[];
  /** What "Accept all" must release, each exactly once. */
  released: string[];
  /** Consent instances on the page: an app must create one, StrictMode or not. */
  instances(page: Page): Promise<number>;
}

interface Site {
  server: TestServer;
  /** Requests to the fake third-party trackers, by URL. */
  thirdParty: string[];
  /** Requests to anything else off 127.0.0.1 (none may happen). */
  outside: string[];
  errors: string[];
  context: BrowserContext;
  page: Page;
}

/**
 * The framework examples import src/analytics.ts once analytics is granted: its chunk, which sends one beacon to
 * /collect. The plain page holds Google's gtag.js and an ad tag, answered here by fake trackers.
 */
const frameworkExample = (name: string, build = buildExample): Example => ({
  name,
  build,
  gated: (site) =>
    site.server.hits.map((hit) => hit.path).filter((path) => path === '/collect' || /^\/assets\/analytics-[\w-]+\.js$/.test(path)),
  released: ['/collect'],
  instances: (page) => page.evaluate(createConsentCalls),
});

const EXAMPLES: Example[] = [
  {
    name: 'plain-html',
    build: buildExample,
    gated: (site) => site.thirdParty,
    released: [GPT, GTAG],
    instances: (page) => page.evaluate(() => (window.Consentry?.settings ? 1 : 0)),
  },
  frameworkExample('react-vite'),
  frameworkExample('vue'),
  frameworkExample('svelte'),
  // Server-rendered, then hydrated in StrictMode as under `next dev` (see the helper).
  frameworkExample('nextjs', async (name) => {
    const outDir = join(outRoot, name);
    await buildNextExample({ root: ROOT, outDir });
    return outDir;
  }),
];

let browser: Browser;
let outRoot: string;

beforeAll(async () => {
  outRoot = mkdtempSync(join(tmpdir(), 'consentry-examples-'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(outRoot, { recursive: true, force: true });
});

/**
 * Build the example with its own Vite config; only `consentry` is pointed at this repo's build (with its
 * createConsent calls counted).
 */
async function buildExample(name: string): Promise<string> {
  const outDir = join(outRoot, name);
  const counted = join(outRoot, 'consentry-counted.mjs');
  writeFileSync(counted, countedConsentry(join(DIST, 'consentry.mjs')));
  await build({
    root: join(ROOT, 'examples', name),
    logLevel: 'silent',
    cacheDir: join(outRoot, '.vite-cache'),
    build: { outDir, emptyOutDir: true },
    resolve: { alias: { consentry: counted } },
  });
  return outDir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function serve(outDir: string, name: string): Promise<TestServer> {
  const server = await startServer();
  for (const file of filesUnder(outDir)) {
    server.page('/' + relative(outDir, file), readFileSync(file, 'utf8'), TYPES[extname(file)] || 'text/plain');
  }
  server.page('/', readFileSync(join(outDir, 'index.html'), 'utf8'));
  // The plain page loads the script-tag build from its own folder, where its postinstall copies the files.
  if (name === 'plain-html') {
    const browserFiles = filesUnder(DIST).filter((file) => /^(consentry[\w-]*|i18n\/\w+)\.min\.js$/.test(relative(DIST, file)));
    for (const file of browserFiles) server.page('/' + relative(DIST, file), readFileSync(file, 'utf8'), TYPES['.js']);
  }
  // The stand-in analytics' collector.
  server.route('/collect', (_req, res) => void res.writeHead(204).end());
  return server;
}

async function openSite(server: TestServer): Promise<Site> {
  const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
  const thirdParty: string[] = [];
  const outside: string[] = [];
  // Playwright tries routes last-registered first: the fake trackers, then everything else off the loopback.
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && !['data:', 'blob:', 'about:'].includes(url.protocol),
    (route) => {
      outside.push(route.request().url());
      return route.abort();
    },
  );
  for (const url of [GTAG, GPT]) {
    await context.route(url, (route) => {
      thirdParty.push(route.request().url());
      return route.fulfill({ contentType: 'text/javascript', body: '' });
    });
  }
  const page = await context.newPage();
  // A broken example fails in seconds, not in Playwright's 30.
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push('pageerror: ' + error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  return { server, thirdParty, outside, errors, context, page };
}

/** What the example's status component shows, one line per category. */
const statusText = async (page: Page) =>
  (await page.locator('#consent-status li').allTextContents()).map((line) => line.replace(/\s+/g, ' ').trim());
const NOTHING_GRANTED = ['Analytics: not granted', 'Advertising: not granted'];
const ALL_GRANTED = ['Analytics: granted', 'Advertising: granted'];
const ui = (page: Page) => page.locator('consentry-ui');
const preferences = (page: Page) => ui(page).getByRole('dialog', { name: 'Privacy preferences' });
const quiet = (page: Page) => page.waitForTimeout(700);

describe.each(EXAMPLES.map((example) => [example.name, example] as const))('examples/%s', (_name, example) => {
  let site: Site;

  beforeAll(async () => {
    const outDir = await example.build(example.name);
    site = await openSite(await serve(outDir, example.name));
  });
  afterAll(async () => {
    await site?.context.close();
    await site?.server.close();
  });

  it('shows the banner and runs nothing gated before a choice', async () => {
    await site.page.goto(site.server.url);
    await ui(site.page).getByRole('button', { name: 'Accept all', exact: true }).waitFor();
    await poll(() => statusText(site.page)).toEqual(NOTHING_GRANTED);
    await quiet(site.page);
    expect(example.gated(site)).toEqual([]);
  });

  it('"Reject all" fires nothing, and "Cookie settings" opens the preferences', async () => {
    await ui(site.page).getByRole('button', { name: 'Reject all', exact: true }).click();
    await ui(site.page).getByRole('button', { name: 'Accept all', exact: true }).waitFor({ state: 'detached' });
    await quiet(site.page);
    expect(example.gated(site)).toEqual([]);
    expect(await statusText(site.page)).toEqual(NOTHING_GRANTED);

    await site.page.locator('footer').getByText('Cookie settings', { exact: true }).click();
    await preferences(site.page).waitFor();
  });

  it('"Accept all" in the preferences updates the status and fires each gated tag once', async () => {
    await preferences(site.page).getByRole('button', { name: 'Accept all', exact: true }).click();
    await poll(() => statusText(site.page)).toEqual(ALL_GRANTED);
    const fired = () =>
      example
        .gated(site)
        .filter((request) => example.released.includes(request))
        .sort();
    await poll(fired).toEqual(example.released);
    await quiet(site.page);
    expect(fired()).toEqual(example.released);
    expect(await preferences(site.page).count()).toBe(0);
  });

  it('made no request off the loopback, logged no error, and has one consent instance', async () => {
    expect(site.outside).toEqual([]);
    expect(site.errors).toEqual([]);
    expect(await example.instances(site.page)).toBe(1);
  });
});
