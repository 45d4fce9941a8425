import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { launchChromium, newContext } from './helpers/browser';
import { jar, settle, view } from './zoo/visit';
import { startZoo, type Zoo } from './zoo/zoo';
import { closeContext } from './helpers/close-context';

/*
 * The tag zoo (tests/e2e/zoo/page.ts) in every consent state. Hits are what the fake trackers received,
 * as "<tracker>:<path>"; A is the analytics tracker, B the advertising one, ga/baidu/cnzz/fb the real
 * hostnames routed to fakes (classified by the built-in table).
 */

/** The only requests allowed without consent: the preload scanner's fetches of tags written in the HTML source. */
const PRELOADED = ['A:/s/u-static.js', 'B:/p/u-static.gif', 'ga:/analytics.js'];
/** The static unmarked iframe: the parser starts its navigation on insertion, before any script can stop the
 * request; the auto-blocker cancels it, so its document never runs. Present or not, depending on timing. */
const STATIC_IFRAME = 'B:/f/u-static.html';
const OWN = ['head-inline', 'own', 'body-inline', 'end-inline'];

const ANALYTICS_TAGS = [
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
];
/** Sent by the page's inline script at parse time: they pass only when analytics is granted by then. */
const ANALYTICS_BEACONS = ['A:/beacon/u-beacon', 'A:/fetch/u-fetch', 'A:/xhr/u-xhr'];
const ADVERTISING_TAGS = [
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
];
/** Loaded by analytics tags, so only with both categories. */
const ADVERTISING_VIA_ANALYTICS = ['B:/s/tm-child.js', 'B:/p/m-ext-cross.gif'];

const ANALYTICS_RAN = [
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
];
const ADVERTISING_RAN = ['m-service', 'u-fb', 'u-append'];
/** The marked analytics scripts that must run in document order (m-async may run anywhere). */
const ORDERED = ['m-ext', 'm-inline', 'vcc', 'klaro', 'tm', 'm-defer', 'm-module'];

const ESSENTIAL_JAR = ['session=1', 'site_pref=dark'];
const ANALYTICS_COOKIES = ['_ga', '_za_uid', '_gid', 'Hm_lvt_inline', 'Hm_lvt_zoo', 'HMACCOUNT', 'CNZZDATA1000', '_ga_ZOO'];
const ADVERTISING_COOKIES = ['_gac_zoo', '_fbc', '_fbp', 'zb_id', '_gcl_au'];

const sorted = (list: string[]) => [...list].sort();
const names = (cookies: string[]) => sorted(cookies.map((cookie) => cookie.split('=')[0]));
const withoutStaticIframe = (hits: string[]) => hits.filter((hit) => hit != STATIC_IFRAME);
const only = (order: string[], ids: string[]) => order.filter((id) => ids.includes(id));

let browser: Browser;
let zoo: Zoo;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
  zoo = await startZoo();
});
afterAll(async () => {
  await browser?.close();
  await zoo?.close();
});
beforeEach(async (test) => {
  context = await newContext(browser);
  await zoo.routeRealHosts(context);
  zoo.hits.length = 0;
  test.onTestFinished(() => closeContext(context));
});

async function open(choice: string | null, query = ''): Promise<Page> {
  if (choice != null) await context.addCookies([{ name: 'consentry', value: choice, url: zoo.site }]);
  const page = await context.newPage();
  await page.goto(zoo.site + '/' + query);
  await settle(page, zoo.hits);
  return page;
}

async function choose(page: Page, categories: string[]) {
  await page.evaluate((categories) => window.__zoo.choose(categories), categories);
  await settle(page, zoo.hits);
}

describe('before consent and after refusal', () => {
  for (const [state, choice] of [
    ['no choice', null],
    ['reject all', '-'],
  ] as const) {
    test(`${state}: no tracker runs, no tracker cookie, no request but the static preloads`, async () => {
      const page = await open(choice);
      const seen = await view(page);
      expect(seen.order).toEqual(OWN);
      expect(seen.messages).toEqual([]);
      expect(sorted(withoutStaticIframe(zoo.hits))).toEqual(sorted(PRELOADED));
      expect(await jar(context)).toEqual(sorted([...ESSENTIAL_JAR, ...(choice ? ['consentry=-'] : [])]));
      expect(seen.storage).toEqual({});
      // Unknown first-party cookies follow the default policy ("allow") and are reported once each.
      expect(seen.events).toEqual([
        ['unclassified-cookie', { name: 'session', action: 'allowed' }],
        ['unclassified-cookie', { name: 'site_pref', action: 'allowed' }],
      ]);
      // Every held embed is offered to the placeholder hook, with its service and category.
      expect(sorted(seen.held.map((h) => `${h.tag}#${h.id}:${h.need.category}/${h.need.service ?? ''}`))).toEqual(
        sorted([
          'IFRAME#m-iframe:advertising/video',
          'VIDEO#m-video:advertising/',
          'EMBED#m-embed:advertising/',
          'OBJECT#m-object:advertising/',
          'IFRAME#u-static-iframe:advertising/tracker-b',
          'IFRAME#:advertising/tracker-b',
          'IFRAME#:advertising/tracker-b',
          'IFRAME#:advertising/tracker-b',
        ]),
      );
      // The zoo renders placeholders for iframes: two static, three inserted by scripts.
      expect(await page.locator('[data-consentry-placeholder]').count()).toBe(5);
    });
  }
});

describe('granted at load (a returning visitor)', () => {
  test('analytics only: analytics tags run in document order, advertising ones stay held, even when loaded by analytics tags', async () => {
    const page = await open('analytics');
    const seen = await view(page);
    expect(sorted(withoutStaticIframe(zoo.hits))).toEqual(sorted([...PRELOADED, ...ANALYTICS_TAGS, ...ANALYTICS_BEACONS]));
    expect(sorted(seen.order)).toEqual(sorted([...OWN, ...ANALYTICS_RAN]));
    expect(only(seen.order, ORDERED)).toEqual(ORDERED);
    expect(seen.order.indexOf('m-defer')).toBeGreaterThan(seen.order.indexOf('end-inline'));
    expect(seen.deferSawEnd).toBe(true);
    expect(seen.messages).toEqual([]);
    expect(names(await jar(context))).toEqual(sorted(['consentry', 'session', 'site_pref', ...ANALYTICS_COOKIES]));
    expect(seen.storage).toEqual({ za_visits: '1' });
  });

  test('accept all: every tag runs once, in order', async () => {
    const page = await open('analytics.advertising');
    const seen = await view(page);
    expect(sorted(zoo.hits)).toEqual(
      sorted([...PRELOADED, STATIC_IFRAME, ...ANALYTICS_TAGS, ...ANALYTICS_BEACONS, ...ADVERTISING_TAGS, ...ADVERTISING_VIA_ANALYTICS]),
    );
    expect(sorted(seen.order)).toEqual(sorted([...OWN, ...ANALYTICS_RAN, ...ADVERTISING_RAN, 'tm-child']));
    expect(only(seen.order, ORDERED)).toEqual(ORDERED);
    expect(sorted(seen.messages)).toEqual(['frame:m-iframe', 'frame:u-before', 'frame:u-replace', 'frame:u-static', 'frame:u-sub']);
    expect(names(await jar(context))).toEqual(sorted(['consentry', 'session', 'site_pref', ...ANALYTICS_COOKIES, ...ADVERTISING_COOKIES]));
    expect(seen.storage).toEqual({ za_visits: '1', zb_state: 'x' });
    expect(seen.held).toEqual([]);
  });
});

describe('granted later in the page (no reload)', () => {
  test('no choice → analytics → all: held tags activate in order, exactly once', async () => {
    const page = await open(null);
    const preloaded = withoutStaticIframe(zoo.hits);
    zoo.hits.length = 0;

    await choose(page, ['analytics']);
    let seen = await view(page);
    // The held static tracker scripts are fetched again now (their preload was not kept); beacons sent before consent stay dropped.
    expect(sorted(zoo.hits)).toEqual(sorted(ANALYTICS_TAGS.concat('A:/s/u-static.js', 'ga:/analytics.js')));
    expect(seen.order.slice(0, 4)).toEqual(OWN);
    expect(sorted(seen.order)).toEqual(sorted([...OWN, ...ANALYTICS_RAN]));
    expect(only(seen.order, ORDERED)).toEqual(ORDERED);
    expect(names(await jar(context))).toEqual(
      sorted(['consentry', 'session', 'site_pref', '_ga', '_za_uid', '_gid', 'Hm_lvt_zoo', 'HMACCOUNT', 'CNZZDATA1000', '_ga_ZOO']),
    );
    expect(preloaded.length).toBe(PRELOADED.length);

    zoo.hits.length = 0;
    await choose(page, ['analytics', 'advertising']);
    seen = await view(page);
    // Analytics tags do not run twice. The advertising tags load, with the held static pixel and iframe, and the
    // pixels held detached: the page's `new Image()` and the one m-ext created while only analytics was granted.
    // The static pixel, held since parse time, comes back too; Chromium may serve it from the image it preloaded.
    const refetched = zoo.hits.filter((hit) => hit == 'B:/p/u-static.gif').length;
    expect(refetched).toBeLessThanOrEqual(1);
    expect(sorted(zoo.hits.filter((hit) => hit != 'B:/p/u-static.gif'))).toEqual(
      sorted([...ADVERTISING_TAGS, ...ADVERTISING_VIA_ANALYTICS, STATIC_IFRAME]),
    );
    expect(sorted(seen.order)).toEqual(sorted([...OWN, ...ANALYTICS_RAN, ...ADVERTISING_RAN, 'tm-child']));
    expect(sorted(seen.messages)).toEqual(['frame:m-iframe', 'frame:u-before', 'frame:u-replace', 'frame:u-static', 'frame:u-sub']);
    expect(await page.locator('[data-consentry-placeholder]').count()).toBe(0);
    expect(await page.locator('#m-iframe').evaluate((el) => (el as HTMLElement).style.display)).toBe('');
  });
});

describe('withdrawal', () => {
  test('accept then withdraw: every cookie and declared storage key of the refused categories is gone, "withdraw" is emitted, the page reloads', async () => {
    const page = await open('analytics.advertising', '?noreload');
    expect(names(await jar(context))).toEqual(sorted(['consentry', 'session', 'site_pref', ...ANALYTICS_COOKIES, ...ADVERTISING_COOKIES]));
    await page.evaluate(() => localStorage.setItem('site_theme', 'dark'));

    await choose(page, []);
    const seen = await view(page);
    expect(await jar(context)).toEqual(sorted(['consentry=-', ...ESSENTIAL_JAR]));
    expect(seen.storage).toEqual({ site_theme: 'dark' });
    expect(seen.events.filter(([name]) => name == 'withdraw')).toEqual([['withdraw', { categories: ['analytics', 'advertising'] }]]);
    expect(await page.evaluate(() => window.__zoo.reloads)).toBe(1);
  });

  test('withdrawing one category keeps the other', async () => {
    const page = await open('analytics.advertising', '?noreload');
    await choose(page, ['analytics']);
    expect(names(await jar(context))).toEqual(sorted(['consentry', 'session', 'site_pref', ...ANALYTICS_COOKIES]));
    expect((await view(page)).storage).toEqual({ za_visits: '1' });
  });

  test('with reloadOnWithdraw the page reloads into the refused state: nothing runs again', async () => {
    const page = await open('analytics.advertising');
    zoo.hits.length = 0;
    await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.__zoo.choose([]))]);
    await settle(page, zoo.hits);
    const seen = await view(page);
    expect(seen.order).toEqual(OWN);
    expect(sorted(withoutStaticIframe(zoo.hits))).toEqual(sorted(PRELOADED));
    expect(await jar(context)).toEqual(sorted(['consentry=-', ...ESSENTIAL_JAR]));
  });
});
