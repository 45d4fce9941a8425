import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, newContext } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';
import { closeContext } from './helpers/close-context';

/*
 * docs/recipes.md, tested as written: the config and markup of each recipe are read from the code blocks of
 * the doc (```json recipe=ID, ```html recipe=ID where=head|body), served behind the built loader, and the
 * vendors' real host names are answered by fakes through Playwright routing (nothing leaves the machine).
 * Each fake behaves like its vendor where it matters: it loads, reads its queue, sends a hit and writes
 * its cookie. Before consent none of that may happen; after its category is granted all of it must.
 */

const DOC = readFileSync(new URL('../../docs/recipes.md', import.meta.url), 'utf8');
const DIST = new URL('../../dist/', import.meta.url);

interface Recipe {
  config: string;
  head: string;
  body: string;
}

function readRecipes(markdown: string): Map<string, Recipe> {
  const recipes = new Map<string, Recipe>();
  for (const [, lang, id, where, code] of markdown.matchAll(/^```(json|html) recipe=([\w-]+)(?: where=(head|body))?\n([\s\S]*?)^```$/gm)) {
    const recipe = recipes.get(id) ?? { config: '', head: '', body: '' };
    if (lang == 'json') recipe.config = code;
    else recipe[where as 'head' | 'body'] += code;
    recipes.set(id, recipe);
  }
  return recipes;
}

const RECIPES = readRecipes(DOC);

/** The page of docs/recipes.md's first code block, with one recipe filled in. */
const pageOf = ({ config, head, body }: Recipe) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <script src="/consentry/consentry.min.js"></script>
  <script type="application/json" id="consentry-config">${config}</script>
  ${head}
</head>
<body>
  ${body}
  <a href="#" data-consent-open>Cookie settings</a>
</body>
</html>`;

/* ---------- fake vendors ---------- */

// What each fake does, in the page, when it runs: record itself on window.__vendors (with what it found
// queued), send its hit the way the real one does, and write its first-party cookie.
const record = (name: string, found: string) =>
  `(window.__vendors = window.__vendors || []).push({ name: ${JSON.stringify(name)}, found: JSON.parse(JSON.stringify(${found} || null, function (k, v) { return v && typeof v == 'object' && 'length' in v && !Array.isArray(v) ? Array.prototype.slice.call(v) : v; })) });`;

const SCRIPTS: Array<[RegExp, string]> = [
  [
    /^https:\/\/www\.googletagmanager\.com\/gtag\/js/,
    `${record('gtag.js', 'window.dataLayer')}
     document.cookie = '_ga=GA1.1.1234.5678; path=/';
     navigator.sendBeacon('https://region1.google-analytics.com/g/collect?v=2&tid=G-XXXXXXXXXX&en=page_view');`,
  ],
  [
    /^https:\/\/www\.googletagmanager\.com\/gtm\.js/,
    `${record('gtm.js', 'window.dataLayer')}
     new Image().src = 'https://www.google-analytics.com/g/collect?v=2&tid=G-FROMGTM&en=page_view';
     // A Custom HTML tag in the container that adds a Meta Pixel.
     var s = document.createElement('script'); s.async = true; s.src = 'https://connect.facebook.net/en_US/fbevents.js';
     document.head.appendChild(s);`,
  ],
  [
    /^https:\/\/connect\.facebook\.net\/en_US\/fbevents\.js/,
    `${record('fbevents.js', 'window.fbq && window.fbq.queue')}
     document.cookie = '_fbp=fb.1.1234.5678; path=/';
     new Image().src = 'https://www.facebook.com/tr?id=1234567890&ev=PageView';`,
  ],
  [
    /^https:\/\/hm\.baidu\.com\/hm\.js/,
    `${record('hm.js', 'window._hmt')}
     document.cookie = 'Hm_lvt_0123456789abcdef0123456789abcdef=1700000000; path=/';
     new Image().src = 'https://hm.baidu.com/hm.gif?si=0123456789abcdef0123456789abcdef';`,
  ],
  [
    /^https:\/\/s9\.cnzz\.com\/z\.js/,
    `${record('z.js', 'window._czc')}
     document.cookie = 'CNZZDATA1234567890=1-1700000000; path=/';
     new Image().src = 'https://z12.cnzz.com/stat.htm?id=1234567890';`,
  ],
  [
    /^https:\/\/www\.clarity\.ms\/tag\//,
    `${record('clarity', 'window.clarity && window.clarity.q')}
     document.cookie = '_clck=abc123|2|f00|0|1; path=/';
     fetch('https://k.clarity.ms/collect', { method: 'POST', body: 'events' });`,
  ],
  [
    /^https:\/\/www\.google\.com\/recaptcha\/api\.js/,
    `${record('recaptcha', '{}')}
     window.grecaptcha = { ready: function (f) { f(); }, execute: function () { return Promise.resolve('token'); } };`,
  ],
];

const FRAMES = [/^https:\/\/www\.youtube-nocookie\.com\/embed\//, /^https:\/\/www\.google\.com\/maps\/embed/];

/* ---------- harness ---------- */

let browser: Browser;
let server: TestServer;
let context: BrowserContext;
let page: Page;
/** Every request that left for a host other than the test server: "host/path". */
let thirdParty: string[];
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium();
  server = await startServer();
  for (const [id, recipe] of RECIPES) server.page(`/${id}`, pageOf(recipe));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async (test) => {
  thirdParty = [];
  errors = [];
  context = await newContext(browser);
  test.onTestFinished(() => closeContext(context));
  // /consentry/* is where the recipes put the build.
  await context.route(`${server.origin}/consentry/**`, (route) => {
    const file = new URL(route.request().url()).pathname.slice('/consentry/'.length);
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(new URL(file, DIST)) });
  });
  await context.route((url) => url.origin != server.origin, vendor);
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
});

function vendor(route: Route) {
  const url = route.request().url();
  const { host, pathname } = new URL(url);
  thirdParty.push(host + pathname);
  const script = SCRIPTS.find(([pattern]) => pattern.test(url));
  if (script)
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: script[1], headers: { 'access-control-allow-origin': '*' } });
  if (FRAMES.some((pattern) => pattern.test(url)))
    return route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><title>${host}</title><p>player</p>` });
  return route.fulfill({ status: 204, headers: { 'access-control-allow-origin': '*' } });
}

async function open(id: string) {
  await page.goto(`${server.origin}/${id}`);
  await page.waitForFunction(() => window.Consentry?.get().status);
  // Time for anything that would leak to leak: the banner's chunk, async tags, beacons.
  await page.waitForFunction(() => document.querySelector('consentry-ui')?.shadowRoot?.querySelector('[role=region],[role=dialog]'), null, {
    timeout: 30_000,
  });
  await page.waitForTimeout(300);
}

const grant = (categories: { [id: string]: boolean }) => page.evaluate((c) => window.Consentry!.set({ categories: c }), categories);
const vendors = () => page.evaluate(() => ((window as any).__vendors ?? []) as Array<{ name: string; found: any }>);
const cookies = async () => (await context.cookies()).map((cookie) => cookie.name);
const hitsTo = (host: string) => thirdParty.filter((hit) => hit.startsWith(host));
const waitFor = (what: () => unknown) => expect.poll(what, { timeout: 15_000 });

it('docs/recipes.md has the nine recipes, each with a config and markup', () => {
  expect([...RECIPES.keys()]).toEqual(['ga4', 'gtm', 'meta-pixel', 'baidu-tongji', 'cnzz', 'youtube', 'map', 'clarity', 'recaptcha']);
  for (const recipe of RECIPES.values()) {
    expect(() => JSON.parse(recipe.config)).not.toThrow();
    expect(recipe.head + recipe.body).not.toBe('');
  }
});

describe('Google Analytics 4 with Consent Mode', () => {
  it('sends nothing before consent, then loads once with the update already queued', async () => {
    await open('ga4');
    expect(thirdParty).toEqual([]);
    expect(await vendors()).toEqual([]);
    expect(await cookies()).not.toContain('_ga');
    const queued = await page.evaluate(() => (window as any).dataLayer.map((entry: IArguments) => Array.from(entry)));
    expect(queued[0]).toEqual(['consent', 'default', expect.objectContaining({ analytics_storage: 'denied', ad_storage: 'denied' })]);

    await grant({ analytics: true });
    await waitFor(() => hitsTo('region1.google-analytics.com')).toEqual(['region1.google-analytics.com/g/collect']);
    expect(hitsTo('www.googletagmanager.com')).toEqual(['www.googletagmanager.com/gtag/js']);
    const [gtag] = await vendors();
    const consent = gtag.found.filter((entry: unknown[]) => entry[0] == 'consent');
    expect(consent[0].slice(0, 2)).toEqual(['consent', 'default']);
    // What gtag.js finds when it runs: the visitor's grant is the last word, and nothing granted before it.
    expect(consent.at(-1)).toEqual(['consent', 'update', expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'denied' })]);
    expect(consent.slice(0, -1).every((entry: any[]) => entry[2].analytics_storage == 'denied')).toBe(true);
    expect(gtag.found.some((entry: unknown[]) => entry[0] == 'config' && entry[1] == 'G-XXXXXXXXXX')).toBe(true);
    expect(await cookies()).toContain('_ga');
    expect(errors).toEqual([]);
  });
});

describe('Google Tag Manager', () => {
  it('loads the container with analytics, and its advertising tags only with advertising', async () => {
    await open('gtm');
    expect(thirdParty).toEqual([]);
    const events = () =>
      page.evaluate(() => (window as any).dataLayer.filter((e: any) => e?.event).map((e: any) => [e.event, !!e.consentry?.analytics]));
    expect((await events()).every(([, analytics]: [string, boolean]) => !analytics)).toBe(true);
    expect((await events())[0][0]).toBe('consentry_ready');

    await grant({ analytics: true });
    await waitFor(() => hitsTo('www.google-analytics.com')).toEqual(['www.google-analytics.com/g/collect']);
    expect(hitsTo('www.googletagmanager.com')).toEqual(['www.googletagmanager.com/gtm.js']);
    // The container starts after the event that says analytics is granted, which its triggers can use.
    expect((await events()).slice(-2)).toEqual([
      ['consentry_update', true],
      ['gtm.js', false],
    ]);
    await page.waitForTimeout(300);
    expect(hitsTo('connect.facebook.net')).toEqual([]);

    await grant({ analytics: true, advertising: true });
    await waitFor(() => hitsTo('connect.facebook.net')).toEqual(['connect.facebook.net/en_US/fbevents.js']);
    expect(errors).toEqual([]);
  });
});

describe('Meta Pixel', () => {
  it('stays silent until advertising is granted, then sends consent grant before init', async () => {
    await open('meta-pixel');
    await grant({ analytics: true });
    await page.waitForTimeout(300);
    expect(thirdParty).toEqual([]);
    expect(await cookies()).not.toContain('_fbp');

    await grant({ analytics: true, advertising: true });
    await waitFor(() => hitsTo('www.facebook.com')).toEqual(['www.facebook.com/tr']);
    expect(hitsTo('connect.facebook.net')).toEqual(['connect.facebook.net/en_US/fbevents.js']);
    const [pixel] = await vendors();
    expect(pixel.found.map((command: unknown[]) => command.slice(0, 2))).toEqual([
      ['consent', 'grant'],
      ['init', '1234567890'],
      ['track', 'PageView'],
    ]);
    expect(await cookies()).toContain('_fbp');
    expect(errors).toEqual([]);
  });
});

describe.each([
  ['baidu-tongji', 'hm.baidu.com', ['hm.baidu.com/hm.js', 'hm.baidu.com/hm.gif'], /^Hm_lvt_/],
  ['cnzz', 'cnzz.com', ['s9.cnzz.com/z.js', 'z12.cnzz.com/stat.htm'], /^CNZZDATA/],
])('%s', (id, host, hits, cookie) => {
  it('sends nothing and writes no cookie before consent; loads once with analytics', async () => {
    await open(id);
    expect(thirdParty).toEqual([]);
    expect((await cookies()).some((name) => cookie.test(name))).toBe(false);

    await grant({ analytics: true });
    await waitFor(() => thirdParty.filter((hit) => hit.includes(host))).toEqual(hits);
    expect(await vendors()).toHaveLength(1);
    expect((await cookies()).some((name) => cookie.test(name))).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('YouTube video with a placeholder', () => {
  const placeholder = () => page.locator('[data-consentry-placeholder]');

  it('shows a placeholder of the player size; "Load once" loads it without recording consent', async () => {
    await open('youtube');
    expect(thirdParty).toEqual([]);
    expect(await placeholder().boundingBox()).toMatchObject({ width: 560, height: 315 });
    expect(await placeholder().locator('p').textContent()).toMatch(/YouTube/);

    await placeholder().getByRole('button', { name: 'Load once' }).click();
    await waitFor(() => hitsTo('www.youtube-nocookie.com')).toEqual(['www.youtube-nocookie.com/embed/M7lc1UVf-VE']);
    expect(await page.evaluate(() => window.Consentry!.get().status)).toBe('pending');
    expect(await cookies()).not.toContain('consentry');

    thirdParty = [];
    await open('youtube');
    expect(thirdParty).toEqual([]);
    expect(await placeholder().count()).toBe(1);
  });

  it('"Always allow" records the category and loads the player', async () => {
    await open('youtube');
    await placeholder()
      .getByRole('button', { name: /Always allow/ })
      .click();
    await waitFor(() => hitsTo('www.youtube-nocookie.com')).toEqual(['www.youtube-nocookie.com/embed/M7lc1UVf-VE']);
    expect(await page.evaluate(() => window.Consentry!.get().categories.advertising)).toBe(true);
    expect(await placeholder().count()).toBe(0);
  });
});

describe('Map embed', () => {
  it('loads only when its own category is granted', async () => {
    await open('map');
    await grant({ analytics: true, advertising: true });
    await page.waitForTimeout(300);
    expect(thirdParty).toEqual([]);

    await grant({ analytics: true, advertising: true, 'external-media': true });
    await waitFor(() => hitsTo('www.google.com')).toEqual(['www.google.com/maps/embed']);
    expect(errors).toEqual([]);
  });
});

describe('Session recording (Microsoft Clarity)', () => {
  it('records only after analytics is granted, and its cookie goes when the visitor withdraws', async () => {
    await open('clarity');
    expect(thirdParty).toEqual([]);
    expect(await cookies()).not.toContain('_clck');

    await grant({ analytics: true });
    await waitFor(() => hitsTo('k.clarity.ms')).toEqual(['k.clarity.ms/collect']);
    expect(hitsTo('www.clarity.ms')).toEqual(['www.clarity.ms/tag/abcdefghij']);
    expect(await cookies()).toContain('_clck');

    thirdParty = [];
    await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.Consentry!.rejectAll())]);
    await page.waitForFunction(() => window.Consentry?.get().status == 'decided');
    await page.waitForTimeout(300);
    expect(await cookies()).not.toContain('_clck');
    expect(thirdParty).toEqual([]);
  });
});

describe('reCAPTCHA as essential', () => {
  it('loads before any choice and after refusal, and is listed under essential in the dialog', async () => {
    await open('recaptcha');
    await waitFor(() => page.evaluate(() => typeof (window as any).grecaptcha)).toBe('object');
    expect(hitsTo('www.google.com')).toEqual(['www.google.com/recaptcha/api.js']);

    await page.evaluate(() => window.Consentry!.showPreferences());
    const dialogText = () => page.evaluate(() => document.querySelector('consentry-ui')!.shadowRoot!.textContent);
    await waitFor(dialogText).toMatch(/Google reCAPTCHA/);
    const essential = await page.evaluate(
      () => document.querySelector('consentry-ui')!.shadowRoot!.querySelector('#cy-s-essential')?.textContent,
    );
    expect(essential).toMatch(/Google reCAPTCHA/);

    await page.evaluate(() => window.Consentry!.rejectAll());
    thirdParty = [];
    await page.reload();
    await page.waitForFunction(() => window.Consentry?.get().status == 'decided');
    await waitFor(() => page.evaluate(() => typeof (window as any).grecaptcha)).toBe('object');
    expect(hitsTo('www.google.com')).toEqual(['www.google.com/recaptcha/api.js']);
    expect(errors).toEqual([]);
  });
});
