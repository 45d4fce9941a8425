import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeRecord } from '../../src/core/policy/record';
import { launchChromium, newContext } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';

/**
 * Issue 19 §2 and §6, walked in Chromium with the built loader: a visitor under the age threshold of each
 * regime (CN 14, EU 16, US 13), in English and Chinese, with and without a parent's or guardian's
 * confirmation. Each walk asserts which requests reached which vendor (two vendor servers, on origins of
 * their own), what the consent cookie says, and what the receipt the site's endpoint received says.
 */
let browser: Browser;
let site: TestServer;
let analytics: TestServer;
let ads: TestServer;
let context: BrowserContext;
let tab: Page;
let errors: string[];
const receipts: Record<string, any>[] = [];

const CONFIG = {
  revision: 1,
  minors: { ask: true },
  regions: { rules: [{ regions: ['US'], regime: 'opt-out' }] },
  receipts: { endpoint: '/receipts' },
};

const vendor = (server: TestServer) => server.origin.replace('127.0.0.1', 'localhost');
const page = (region: string, lang: string) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="consentry-region" content="${region}">
<script src="/dist/consentry.min.js"></script>
<script type="application/json" id="consentry-config">${JSON.stringify(CONFIG)}</script>
<script type="text/plain" data-consent="analytics" data-src="${vendor(analytics)}/collect.js"></script>
<script type="text/plain" data-consent="advertising" data-src="${vendor(ads)}/ads.js"></script>
</head><body><h1>Shop</h1><img data-consent="advertising" data-src="${vendor(ads)}/px.gif" alt=""></body></html>`;

const TEXTS = {
  en: {
    accept: 'Accept all',
    reject: 'Reject all',
    under: (age: number) => `Under ${age}`,
    ageFirst: 'Answer the age question first.',
    guardianFirst: 'A parent or guardian has to confirm first.',
    guardian: /parent or guardian/,
  },
  zh: {
    accept: '全部接受',
    reject: '全部拒绝',
    under: (age: number) => `未满 ${age} 周岁`,
    ageFirst: '请先回答年龄问题。',
    guardianFirst: '需先由父母或其他监护人确认。',
    guardian: /父母或其他监护人/,
  },
};

const REGIONS = [
  { region: 'CN', age: 14, regime: 'opt-in' },
  { region: 'DE', age: 16, regime: 'opt-in' },
  { region: 'US-CA', age: 13, regime: 'opt-out' },
] as const;

const ui = () => tab.locator('consentry-ui');
const vendorHits = () => ({ analytics: analytics.hits.map((h) => h.path), ads: ads.hits.map((h) => h.path).sort() });
const consentCookie = async () => (await context.cookies()).find((c) => c.name === 'consentry')?.value;
const quiet = () => tab.waitForTimeout(400);

beforeAll(async () => {
  browser = await launchChromium();
  [site, analytics, ads] = await Promise.all([startServer(), startServer(), startServer()]);
  for (const server of [analytics, ads]) {
    server.page('/collect.js', '/* analytics */', 'text/javascript');
    server.page('/ads.js', '/* ads */', 'text/javascript');
    server.page('/px.gif', 'GIF89a', 'image/gif');
  }
  site.route('/receipts', (_req, res, body) => {
    receipts.push(JSON.parse(body));
    res.writeHead(204).end();
  });
  for (const { region } of REGIONS) for (const lang of ['en', 'zh']) site.page(`/${region}/${lang}`, page(region, lang));
  site.page(
    '/embed',
    page('DE', 'en').replace(
      '</body>',
      `<iframe data-consent="advertising" data-src="${vendor(ads)}/embed.html" width="320" height="180" title="Video"></iframe></body>`,
    ),
  );
  ads.page('/embed.html', '<p>video</p>');
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([site, analytics, ads].map((server) => server?.close()));
});
afterEach(async () => {
  expect(errors).toEqual([]);
  await Promise.race([context.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
});

async function visit(region: string, lang: 'en' | 'zh') {
  analytics.hits.length = 0;
  ads.hits.length = 0;
  context = await newContext(browser, { locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  tab = await context.newPage();
  errors = [];
  tab.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
  await tab.goto(`${site.origin}/${region}/${lang}`);
  await ui().getByRole('button', { name: TEXTS[lang].accept, exact: true }).waitFor({ state: 'visible' });
}

/** The first layer: the age question is there; "Accept all" before an answer grants nothing. */
async function answerUnder(lang: 'en' | 'zh', age: number) {
  const t = TEXTS[lang];
  await ui().getByRole('button', { name: t.accept, exact: true }).click();
  await ui().getByText(t.ageFirst).waitFor();
  expect(await tab.evaluate(() => window.Consentry!.get().record)).toBeNull();
  await ui().getByLabel(t.under(age), { exact: true }).check();
}

for (const { region, age, regime } of REGIONS)
  for (const lang of ['en', 'zh'] as const)
    describe(`${region} (${regime}, under ${age}), ${lang}`, () => {
      it('without a guardian: "Accept all" waits, the child can only refuse; no vendor is contacted; the cookie holds no age, the receipt does', async () => {
        await visit(region, lang);
        const t = TEXTS[lang];
        await answerUnder(lang, age);
        await ui().getByRole('button', { name: t.accept, exact: true }).click();
        await ui().getByText(t.guardianFirst).waitFor();
        expect(await tab.evaluate(() => window.Consentry!.get().record)).toBeNull();
        await ui().getByRole('button', { name: t.reject, exact: true }).click();
        await expect
          .poll(() => receipts.filter((r) => r.region === region && r.lang === lang && r.method === 'reject-all').length)
          .toBeGreaterThan(0);
        await quiet();
        expect(vendorHits()).toEqual({ analytics: [], ads: [] });

        const value = (await consentCookie())!;
        const stored = decodeRecord(decodeURIComponent(value))!;
        expect(stored).toMatchObject({
          method: 'reject-all',
          via: 'banner',
          lang,
          regime,
          region,
          categories: { analytics: false, advertising: false },
        });
        expect(stored.ageGroup).toBeUndefined();
        expect(stored.textsHash).toMatch(/^[0-9a-z]{1,11}$/);
        const receipt = receipts.filter((r) => r.consentId === stored.id).at(-1)!;
        expect(receipt).toMatchObject({
          ageGroup: 'minor',
          via: 'banner',
          regime,
          lang,
          textsHash: stored.textsHash,
          categories: { analytics: false, advertising: false },
        });
        // The page's state, which any script can read through Consentry.get(), holds no age either.
        expect(await tab.evaluate(() => window.Consentry!.get().record!.ageGroup)).toBeUndefined();
      });

      it('with a guardian: the guardian confirms, "Accept all" grants; both vendors are reached; the receipt says guardian', async () => {
        await visit(region, lang);
        const t = TEXTS[lang];
        await answerUnder(lang, age);
        await ui().getByRole('checkbox', { name: t.guardian }).check();
        await quiet();
        expect(vendorHits()).toEqual({ analytics: [], ads: [] });
        await ui().getByRole('button', { name: t.accept, exact: true }).click();
        await expect.poll(vendorHits).toEqual({ analytics: ['/collect.js'], ads: ['/ads.js', '/px.gif'] });

        const stored = decodeRecord(decodeURIComponent((await consentCookie())!))!;
        expect(stored).toMatchObject({ method: 'accept-all', lang, regime, categories: { analytics: true, advertising: true } });
        expect(stored.via).toBeUndefined();
        expect(stored.ageGroup).toBeUndefined();
        await expect.poll(() => receipts.filter((r) => r.consentId === stored.id).length).toBe(1);
        const receipt = receipts.find((r) => r.consentId === stored.id)!;
        expect(receipt).toMatchObject({
          method: 'accept-all',
          via: 'guardian',
          ageGroup: 'minor',
          regime,
          lang,
          textsHash: stored.textsHash,
        });
      });
    });

describe('a held embed where the site asks the age', () => {
  it('"Load once" and "Always allow" open the dialog, which asks first; nothing reaches the vendor until the age is answered', async () => {
    analytics.hits.length = 0;
    ads.hits.length = 0;
    context = await newContext(browser);
    tab = await context.newPage();
    errors = [];
    tab.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
    await tab.goto(site.origin + '/embed');
    await ui().getByRole('button', { name: 'Reject all', exact: true }).click();
    for (const name of ['Load once', 'Always allow']) {
      await tab.getByRole('button', { name }).click();
      const dialog = ui().getByRole('dialog', { name: 'Privacy preferences' });
      await dialog.waitFor();
      await quiet();
      expect(vendorHits()).toEqual({ analytics: [], ads: [] });
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
    await tab.getByRole('button', { name: 'Always allow' }).click();
    await ui().getByLabel('16 or older', { exact: true }).check();
    await ui().getByRole('button', { name: 'Accept all', exact: true }).click();
    await expect.poll(() => vendorHits().ads).toContain('/embed.html');
  });
});
