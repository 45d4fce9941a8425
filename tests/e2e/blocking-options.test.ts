import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { launchChromium, newContext } from './helpers/browser';
import { jar, settle, view } from './zoo/visit';
import { startZoo, type Zoo } from './zoo/zoo';
import { closeContext } from './helpers/close-context';

/* The zoo under other configs and timings: config arriving late, unknown cookies blocked, auto-blocking off, aliases off. */

const PRELOADED = ['A:/s/u-static.js', 'B:/p/u-static.gif', 'ga:/analytics.js'];
const STATIC_IFRAME = 'B:/f/u-static.html';
const OWN = ['head-inline', 'own', 'body-inline', 'end-inline'];
const ORDERED = ['m-ext', 'm-inline', 'vcc', 'klaro', 'tm', 'm-defer', 'm-module'];
const sorted = (list: string[]) => [...list].sort();
const only = (order: string[], ids: string[]) => order.filter((id) => ids.includes(id));

let browser: Browser;
let context: BrowserContext;
const zoos: Zoo[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(zoos.map((zoo) => zoo.close()));
});
beforeEach((test) => test.onTestFinished(() => context?.close()));

async function open(zoo: Zoo, choice: string | null, query = ''): Promise<Page> {
  context = await newContext(browser);
  await zoo.routeRealHosts(context);
  zoo.hits.length = 0;
  if (choice != null) await context.addCookies([{ name: 'consentry', value: choice, url: zoo.site }]);
  const page = await context.newPage();
  await page.goto(zoo.site + '/' + query);
  await settle(page, zoo.hits);
  return page;
}

async function zooWith(blocking: Parameters<typeof startZoo>[0]) {
  const zoo = await startZoo(blocking);
  zoos.push(zoo);
  return zoo;
}

describe('config arriving after the page started (async config fetch)', () => {
  test('until it arrives every cross-origin tag is held and unknown cookies wait; then the stored choice applies, in order', async () => {
    const zoo = await zooWith({});
    const page = await open(zoo, 'analytics', '?late');
    let seen = await view(page);
    expect(seen.order).toEqual(OWN);
    // Known limit: before the config is known, beacons/fetch/XHR are only blocked for hosts in the built-in
    // table (tracker A is known from the config's rules only); blocking every cross-origin request could block
    // the config fetch itself.
    const beacons = ['A:/beacon/u-beacon', 'A:/fetch/u-fetch', 'A:/xhr/u-xhr'];
    expect(sorted(zoo.hits.filter((hit) => hit != STATIC_IFRAME))).toEqual(sorted([...PRELOADED, ...beacons]));
    // Nothing but the consent cookie: even the site's unknown cookies wait until the config says what they are.
    expect(await jar(context)).toEqual(['consentry=analytics']);
    expect(seen.events).toEqual([]);
    expect(seen.held).toEqual([]);

    await page.evaluate(() => window.__zoo.configure());
    await settle(page, zoo.hits);
    seen = await view(page);
    expect(only(seen.order, ORDERED)).toEqual(ORDERED);
    expect(seen.order).toContain('u-static');
    expect(seen.order).toContain('u-baidu');
    expect(seen.order).not.toContain('m-service');
    expect(seen.order).not.toContain('u-append');
    expect(zoo.hits.filter((hit) => hit.startsWith('B:') && hit != STATIC_IFRAME && hit != 'B:/p/u-static.gif')).toEqual([]);
    expect(await jar(context)).toContain('session=1');
    expect(await jar(context)).toContain('site_pref=dark');
    expect(seen.events.map(([, detail]) => detail)).toEqual([
      { name: 'session', action: 'allowed' },
      { name: 'site_pref', action: 'allowed' },
    ]);
    expect(seen.held.map((h) => h.id)).toContain('m-iframe');
  });
});

describe('blocking.unknownCookies = "block"', () => {
  test('unknown cookies are dropped (and reported) until any non-essential consent', async () => {
    const zoo = await zooWith({ unknownCookies: 'block' });
    const page = await open(zoo, null);
    expect(await jar(context)).toEqual([]);
    expect((await view(page)).events).toEqual([
      ['unclassified-cookie', { name: 'session', action: 'blocked' }],
      ['unclassified-cookie', { name: 'site_pref', action: 'blocked' }],
    ]);
    await page.evaluate(() => window.__zoo.choose(['analytics']));
    await page.evaluate(() => {
      document.cookie = 'site_pref=light; path=/';
      document.cookie = 'late_pref=1; path=/';
    });
    const cookies = await jar(context);
    expect(cookies).toContain('site_pref=light');
    expect(cookies).toContain('late_pref=1');
    // Each name is reported once only.
    expect((await view(page)).events.map(([, detail]) => detail)).toEqual([
      { name: 'session', action: 'blocked' },
      { name: 'site_pref', action: 'blocked' },
      { name: 'late_pref', action: 'allowed' },
    ]);
  });
});

describe('blocking.autoBlock = false', () => {
  test('unmarked tags load and run, marked ones stay held, tracker cookies are still guarded', async () => {
    const zoo = await zooWith({ autoBlock: false });
    const page = await open(zoo, null);
    const seen = await view(page);
    expect(sorted(seen.order)).toEqual(
      sorted([...OWN, 'u-static', 'u-ga', 'u-baidu', 'u-cnzz', 'u-fb', 'u-attr', 'u-append', 'u-after', 'u-sub', 'u-fragment']),
    );
    expect(seen.order).not.toContain('m-ext');
    expect(zoo.hits).toContain('A:/beacon/u-beacon');
    expect(await jar(context)).toEqual(['session=1', 'site_pref=dark']);
  });
});

describe('blocking.aliases = false', () => {
  test('klaro markup is not recognised, so its tag never runs', async () => {
    const zoo = await zooWith({ aliases: false });
    const page = await open(zoo, 'analytics');
    const seen = await view(page);
    expect(seen.order).not.toContain('klaro');
    expect(seen.order).toContain('m-ext');
  });
});

describe('a site rule on a path of its own origin', () => {
  test("holds the site's own script by relative URL until its category is granted", async () => {
    const zoo = await zooWith({ rules: [{ match: '/own.js', category: 'analytics' }] });
    // (The zoo's trackers A and B are unknown under this config: only the rule and the built-in table apply.)
    let page = await open(zoo, null);
    expect((await view(page)).order).not.toContain('own');
    expect(await jar(context)).not.toContain('session=1');
    await closeContext(context);
    page = await open(zoo, 'analytics');
    expect((await view(page)).order).toContain('own');
    expect(await jar(context)).toContain('session=1');
  });
});
