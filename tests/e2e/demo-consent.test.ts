import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DIST_DIR, startDemo, type Demo } from '../../demo/server.mjs';
import { bannerButton, hitKeys, openTab, settledHits, trackerCookies, type DemoTab } from './demo-harness';
import { launchChromium } from './helpers/browser';
import { closeContext } from './helpers/close-context';

/** The UI chunk loads lazily and third parties answer when they answer: give them time on a busy machine. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });

// The built SDK on the demo site, in Chromium: for each page and each choice, the exact third-party
// hits and cookies; the site's own essential features after Reject all; the playground; the SPA.

if (!existsSync(join(DEFAULT_DIST_DIR, 'consentry.min.js')) || !existsSync(join(DEFAULT_DIST_DIR, 'consentry.mjs'))) {
  throw new Error(`The demo tests need the SDK build in ${DEFAULT_DIST_DIR}: run "npm run build" first.`);
}

const ANALYTICS = ['analytics beacon /g/collect', 'analytics pixel /hm.gif', 'analytics script /ns.js'];
const AD_NETWORK = ['ads pixel /px.gif ev=PageView', 'ads script /ads.js'];
/** What each page releases once everything is accepted: site-wide tags plus the page's own. */
const RELEASED: Record<string, string[]> = {
  '/': [...ANALYTICS, ...AD_NETWORK, 'ads iframe /frame slot=home-leaderboard'],
  '/pricing': [...ANALYTICS, ...AD_NETWORK, 'ads pixel /px.gif ev=ViewContent'],
  '/blog/edge-caching-explained': [
    ...ANALYTICS,
    ...AD_NETWORK,
    'ads iframe /frame slot=blog-inline',
    'embed iframe /video/embed/edge-101',
    'embed iframe /maps/embed',
  ],
  '/contact': [...ANALYTICS, ...AD_NETWORK],
  '/privacy': [...ANALYTICS, ...AD_NETWORK],
};
const SITE_PAGES = Object.keys(RELEASED);
const SCRIPT_COOKIES = [
  '_fbp',
  '_ga',
  '_ga_NS4D3M0',
  '_gcl_au',
  'Hm_lpvt_5a1f0c2d8e7b49f3a6c4d2e1b0f9a8c7',
  'Hm_lvt_5a1f0c2d8e7b49f3a6c4d2e1b0f9a8c7',
];

let browser: Browser;
let demo: Demo;
let dataDir: string;
let tab: DemoTab;

const sorted = (list: string[]) => [...list].sort();
const state = (page: Page = tab.page) => page.evaluate(() => window.Consentry!.get());
const waitForSdk = (page: Page = tab.page) => page.waitForFunction(() => window.Consentry?.settings);

async function bannerIsShown(page: Page = tab.page) {
  await bannerButton(page, 'Accept all').waitFor({ state: 'visible', timeout: 10_000 });
}

/** A returning visitor: the SDK is ready, and no banner comes up. */
async function expectNoBanner(page: Page = tab.page) {
  await waitForSdk(page);
  await page.waitForTimeout(500);
  expect(await bannerButton(page, 'Accept all').count()).toBe(0);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'consentry-demo-consent-'));
  demo = await startDemo({ quiet: true, dataDir });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(async () => {
  demo.clearHits();
  tab = await openTab(browser);
});
afterEach(async () => {
  // Whatever a test did, nothing ever left the loopback.
  expect(tab.outside).toEqual([]);
  await closeContext(tab.context);
});

describe('before any choice', () => {
  it.each(SITE_PAGES)('%s shows the banner, and no third party is contacted and no tracker cookie written', async (path) => {
    await tab.page.goto(demo.url + path);
    await bannerIsShown();
    expect(await settledHits(demo, 0, { quietMs: 1000 })).toEqual([]);
    expect(await trackerCookies(tab.context)).toEqual([]);
    expect(await tab.page.evaluate(() => localStorage.getItem('ns_client'))).toBeNull();
    expect((await state()).status).toBe('pending');
    expect(tab.errors).toEqual([]);
  });
});

describe('Accept all', () => {
  it.each(SITE_PAGES)('on %s releases exactly that page’s tags', async (path) => {
    await tab.page.goto(demo.url + path);
    await bannerButton(tab.page, 'Accept all').click();
    const hits = await settledHits(demo, RELEASED[path].length);
    expect(hitKeys(hits)).toEqual(sorted(RELEASED[path]));
    // Hits that report their page (dl=, u=) report this one; a cross-origin Referer carries only the origin.
    const reported = hits.filter((hit) => /[?&](dl|u)=/.test(hit.path));
    expect(reported.length).toBeGreaterThanOrEqual(3);
    expect(reported.map((hit) => hit.page)).toEqual(reported.map(() => path));
    expect(tab.errors).toEqual([]);
  });

  it('runs the inline snippet before the library, in document order, and writes the trackers’ cookies and storage', async () => {
    await tab.page.goto(demo.url + '/');
    await bannerButton(tab.page, 'Accept all').click();
    const hits = await settledHits(demo, RELEASED['/'].length);
    // The inline config (anonymize_ip) was queued before ns.js ran: its beacon carries aip=1.
    expect(hits.find((hit) => hit.kind === 'beacon')?.path).toContain('&aip=1&');
    await poll(() => trackerCookies(tab.context)).toEqual(sorted([...SCRIPT_COOKIES, 'IDE']));
    expect(JSON.parse((await tab.page.evaluate(() => localStorage.getItem('ns_client')))!)).toHaveProperty('cid');
    const frame = tab.page.frameLocator('[data-adpulse-slot="home-leaderboard"] iframe');
    await poll(() => frame.getByText('Ad · Adpulse').count()).toBe(1);
  });

  it('on the blog loads the video and the map in place of their placeholders, with their providers’ cookies', async () => {
    await tab.page.goto(demo.url + '/blog/edge-caching-explained');
    expect(await tab.page.locator('.embed-video iframe').getAttribute('src')).toBeNull();
    await bannerButton(tab.page, 'Accept all').click();
    await settledHits(demo, RELEASED['/blog/edge-caching-explained'].length);
    expect(await tab.page.locator('.embed-video iframe').getAttribute('src')).toBe(
      `${demo.trackers.embed}/video/embed/edge-101?title=Edge%20caching%20in%203%20minutes`,
    );
    await poll(() => tab.page.frameLocator('.embed-video iframe').getByRole('button', { name: 'Play' }).count()).toBe(1);
    expect(await trackerCookies(tab.context)).toEqual(sorted([...SCRIPT_COOKIES, 'IDE', 'NID', 'VISITOR_INFO1_LIVE', 'YSC']));
  });

  it('is kept on reload and on the next page: no banner, and the tags run again', async () => {
    await tab.page.goto(demo.url + '/');
    await bannerButton(tab.page, 'Accept all').click();
    await settledHits(demo, RELEASED['/'].length);
    const decided = await state();
    expect(decided).toMatchObject({ status: 'decided', categories: { essential: true, analytics: true, advertising: true } });

    demo.clearHits();
    await tab.page.reload();
    await expectNoBanner();
    expect(hitKeys(await settledHits(demo, RELEASED['/'].length))).toEqual(sorted(RELEASED['/']));
    expect((await state()).record?.id).toBe(decided.record?.id);

    demo.clearHits();
    await tab.page.goto(demo.url + '/pricing');
    await expectNoBanner();
    expect(hitKeys(await settledHits(demo, RELEASED['/pricing'].length))).toEqual(sorted(RELEASED['/pricing']));
  });

  it('posts a consent receipt that the receipts page lists', async () => {
    await tab.page.goto(demo.url + '/pricing');
    await bannerButton(tab.page, 'Accept all').click();
    const id = (await state()).record!.id;
    await poll(async () => (await demo.receipts()).map((entry) => entry.receipt.consentId)).toContain(id);
    const stored = (await demo.receipts()).find((entry) => entry.receipt.consentId === id)!;
    expect(stored.receipt).toMatchObject({ method: 'accept-all', categories: { analytics: true, advertising: true } });
    await tab.page.goto(demo.url + '/receipts');
    await poll(() => tab.page.locator('.receipts-table').textContent()).toContain(id);
  });

  it('withdrawn later: the page reloads, the tags stop and the trackers’ cookies and storage are removed', async () => {
    await tab.page.goto(demo.url + '/');
    await bannerButton(tab.page, 'Accept all').click();
    await settledHits(demo, RELEASED['/'].length);
    await poll(() => trackerCookies(tab.context)).toEqual(sorted([...SCRIPT_COOKIES, 'IDE']));

    demo.clearHits();
    await Promise.all([tab.page.waitForEvent('load'), tab.page.evaluate(() => window.Consentry!.rejectAll())]);
    await expectNoBanner();
    expect(await settledHits(demo, 0, { quietMs: 1000 })).toEqual([]);
    expect(await trackerCookies(tab.context)).toEqual([]);
    expect(await tab.page.evaluate(() => localStorage.getItem('ns_client'))).toBeNull();
  });
});

describe('Reject all', () => {
  it('releases nothing, and the site’s essential features keep working', async () => {
    await tab.page.goto(demo.url + '/');
    await bannerButton(tab.page, 'Reject all').click();
    expect((await state()).categories).toEqual({ essential: true, analytics: false, advertising: false });

    // Every page: nothing held is released, and no banner asks again.
    for (const path of SITE_PAGES) {
      await tab.page.goto(demo.url + path);
      await expectNoBanner();
    }
    expect(await settledHits(demo, 0, { quietMs: 1000 })).toEqual([]);

    // The contact form (session + CSRF) sends, and its held conversion tag stays held.
    await tab.page.goto(demo.url + '/contact');
    await tab.page.getByLabel('Name').fill('Ann Example');
    await tab.page.getByLabel('Work email').fill('ann@example.com');
    await tab.page.getByLabel('How can we help?').fill('A quote for 20 TB a month, please.');
    await tab.page.getByRole('button', { name: 'Send message' }).click();
    await tab.page.waitForURL('**/contact?sent=1');
    expect(await tab.page.locator('[data-contact-sent]').textContent()).toContain('Thanks, Ann Example.');

    // The cart (session + CSRF).
    await tab.page.goto(demo.url + '/pricing');
    await tab.page.locator('form:has(input[value="pro"]) button').click();
    await tab.page.waitForURL('**/pricing?added=1#cart');
    expect(await tab.page.locator('[data-cart-count]').textContent()).toBe('1');

    // The language switch (lang cookie), and the choice holds in the other language.
    await tab.page.getByRole('link', { name: '中文' }).click();
    await tab.page.waitForURL('**/pricing?added=1');
    expect(await tab.page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await tab.page.locator('h1').textContent()).toBe('简单透明的套餐，随业务一起成长');
    await expectNoBanner();

    const cookies = await tab.context.cookies();
    expect(cookies.find((c) => c.name === 'sid')).toMatchObject({ httpOnly: true });
    expect(cookies.find((c) => c.name === 'lang')?.value).toBe('zh');
    expect(cookies.some((c) => c.name === 'csrftoken')).toBe(true);
    expect(await trackerCookies(tab.context)).toEqual([]);
    expect(await settledHits(demo, 0, { quietMs: 500 })).toEqual([]);
    expect(tab.errors).toEqual([]);
  });

  it('is kept on reload: no banner, nothing released', async () => {
    await tab.page.goto(demo.url + '/blog/edge-caching-explained');
    await bannerButton(tab.page, 'Reject all').click();
    await tab.page.reload();
    await expectNoBanner();
    expect((await state()).record?.method).toBe('reject-all');
    expect(await settledHits(demo, 0, { quietMs: 1000 })).toEqual([]);
    expect(await tab.page.locator('.embed-map iframe').getAttribute('src')).toBeNull();
    // The SDK's own placeholder stands in for the held map (the demo's fallback steps aside for it).
    await poll(() => tab.page.locator('.embed-map [data-consentry-placeholder]').isVisible()).toBe(true);
  });
});

describe('simulated visitor signals', () => {
  it('California (opt-out) runs analytics before any choice, and GPC keeps advertising off', async () => {
    await tab.page.goto(demo.url + '/?region=US-CA&gpc=1');
    await waitForSdk();
    expect(await state()).toMatchObject({
      regime: 'opt-out',
      region: 'US-CA',
      gpc: true,
      categories: { analytics: true, advertising: false },
    });
    expect(hitKeys(await settledHits(demo, ANALYTICS.length))).toEqual(sorted(ANALYTICS));
  });

  it('the Chinese site shows the banner in Chinese', async () => {
    await tab.context.addCookies([{ name: 'lang', value: 'zh', url: demo.url }]);
    await tab.page.goto(demo.url + '/?region=CN');
    await bannerButton(tab.page, '全部接受').waitFor({ state: 'visible' });
    expect(await tab.page.locator('consentry-ui').getByText('卷云网站的 Cookie 使用').first().isVisible()).toBe(true);
    expect((await state()).regime).toBe('opt-in');
    expect(await settledHits(demo, 0, { quietMs: 800 })).toEqual([]);
  });
});

describe('the playground', () => {
  it('reports config errors from the SDK’s own validator, and invalid JSON', async () => {
    await tab.page.goto(demo.url + '/playground');
    const status = tab.page.locator('#config-status');
    await poll(() => status.textContent()).toMatch(/^✓ Valid config: 3 categories, 6 services$/);

    const editor = tab.page.locator('#config-editor');
    const text = await editor.inputValue();
    await editor.fill(text.replace('"id": "analytics"', '"id": "Analytics!"').replace('"expiresDays": 182', '"expiresDays": 999'));
    await poll(() => status.textContent()).toBe('✗ The SDK found 2 problems:');
    const problems = await tab.page.locator('#config-problems li').allTextContents();
    expect(problems).toHaveLength(2);
    expect(problems.some((p) => p.startsWith('categories[1].id: '))).toBe(true);
    expect(problems.some((p) => p.startsWith('cookie.expiresDays: '))).toBe(true);
    expect(await tab.page.locator('#config-apply').isDisabled()).toBe(true);

    await editor.fill('{ "categories": [');
    await poll(() => status.textContent()).toMatch(/^✗ Not valid JSON: /);
  });

  it('applies an edited config to the page, and goes back to the site config', async () => {
    await tab.page.goto(demo.url + '/playground');
    const editor = tab.page.locator('#config-editor');
    await poll(() => tab.page.locator('#config-status').textContent()).toMatch(/^✓/);
    await editor.fill((await editor.inputValue()).replace('"Cookies on Cirrus Edge"', '"Edited in the playground"'));
    await poll(() => tab.page.locator('#config-apply').isDisabled()).toBe(false);
    await Promise.all([tab.page.waitForEvent('load'), tab.page.locator('#config-apply').click()]);
    await poll(() => tab.page.locator('consentry-ui').getByText('Edited in the playground', { exact: true }).first().isVisible()).toBe(
      true,
    );
    expect(await tab.page.locator('#config-source').textContent()).toContain('applied');

    await Promise.all([tab.page.waitForEvent('load'), tab.page.locator('#config-revert').click()]);
    await poll(() => tab.page.locator('consentry-ui').getByText('Cookies on Cirrus Edge', { exact: true }).first().isVisible()).toBe(true);
    expect(await tab.page.locator('consentry-ui').getByText('Edited in the playground', { exact: true }).count()).toBe(0);
  });

  it('“Reset my consent” forgets the choice and asks again', async () => {
    await tab.page.goto(demo.url + '/playground');
    await bannerButton(tab.page, 'Accept all').click();
    await poll(async () => (await state()).status).toBe('decided');
    await poll(() => tab.page.locator('#consent-summary').textContent()).toContain('accept-all');
    await tab.page.locator('#reset-consent').click();
    await bannerIsShown();
    expect((await state()).status).toBe('pending');
    expect((await tab.context.cookies()).some((c) => c.name === 'consentry')).toBe(false);
  });

  it('the simulation form sets region, GPC and language for the next pages', async () => {
    await tab.page.goto(demo.url + '/playground');
    await tab.page.locator('#simulate-region').selectOption('US-CA');
    await tab.page.locator('#simulate-gpc').check();
    await Promise.all([tab.page.waitForURL('**/playground'), tab.page.locator('.simulate-form button[type=submit]').click()]);
    await waitForSdk();
    expect(await state()).toMatchObject({ region: 'US-CA', regime: 'opt-out', gpc: true });
    expect(await tab.page.evaluate(() => (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl)).toBe(true);
  });
});

describe('the SPA (npm build)', () => {
  const events = () => tab.page.locator('#spa-events li').evaluateAll((items) => items.map((item) => item.getAttribute('data-event')));

  it('receives events, reports route changes as page views once analytics is granted, and gates a routed embed', async () => {
    await tab.page.goto(demo.url + '/spa/');
    await bannerIsShown();
    await poll(events).toContain('shown');

    // Before consent, a routed embed is held.
    await tab.page.locator('a[data-route="/spa/tutorials"]').click();
    expect(tab.page.url()).toBe(demo.url + '/spa/tutorials');
    expect(await tab.page.locator('.embed-video iframe').getAttribute('src')).toBeNull();
    expect(await settledHits(demo, 0, { quietMs: 800 })).toEqual([]);

    await bannerButton(tab.page, 'Accept all').click();
    await poll(events).toEqual(expect.arrayContaining(['consent', 'change', 'hidden']));
    await poll(() => tab.page.locator('#spa-state [data-category="analytics"]').textContent()).toBe('analytics ✓');
    const released = ['embed iframe /video/embed/console-tour', ...ANALYTICS];
    expect(hitKeys(await settledHits(demo, released.length))).toEqual(sorted(released));

    demo.clearHits();
    await tab.page.locator('a[data-route="/spa/traffic"]').click();
    expect(tab.page.url()).toBe(demo.url + '/spa/traffic');
    const pageViews = await settledHits(demo, 2);
    expect(hitKeys(pageViews)).toEqual(['analytics beacon /g/collect', 'analytics pixel /hm.gif']);
    expect(pageViews.every((hit) => hit.page === '/spa/traffic')).toBe(true);

    await tab.page.locator('#spa-cookie-settings').click();
    await poll(events).toContain('shown');
    expect(tab.errors).toEqual([]);
  });

  it('drives the consent API from its own privacy page', async () => {
    await tab.page.goto(demo.url + '/spa/privacy');
    await bannerIsShown();
    await tab.page.locator('#spa-toggle-analytics').check();
    await poll(async () => (await state()).categories).toEqual({ essential: true, analytics: true, advertising: false });
    expect((await state()).record?.method).toBe('api');
    expect(hitKeys(await settledHits(demo, ANALYTICS.length))).toEqual(sorted(ANALYTICS));
    await poll(() => tab.page.locator('#spa-toggle-analytics').isChecked()).toBe(true);
  });
});
