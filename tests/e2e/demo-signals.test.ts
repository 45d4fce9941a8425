import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DIST_DIR, startDemo, type Demo } from '../../demo/server.mjs';
import { bannerButton, hitKeys, openTab, settledHits, type DemoTab } from './demo-harness';
import { launchChromium } from './helpers/browser';
import { closeContext } from './helpers/close-context';

/**
 * Issue 19 §3, §4, §5, §6: walks through the demo, in Chromium with the built SDK, as a visitor whose browser
 * sends Global Privacy Control (the demo's gpc.js defines it before the loader), in each regime. Each walk
 * asserts which requests reached which recipient (the demo's tracker hosts), what the record and the
 * receipt say, and what the visitor was shown (screenshots in screenshots/demo-signals/, git-ignored).
 */
const SHOTS = join(import.meta.dirname, '../../screenshots/demo-signals');
mkdirSync(SHOTS, { recursive: true });
if (!existsSync(join(DEFAULT_DIST_DIR, 'consentry.min.js'))) throw new Error(`Run "npm run build" first (${DEFAULT_DIST_DIR}).`);

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });
const ANALYTICS = ['analytics beacon /g/collect', 'analytics pixel /hm.gif', 'analytics script /ns.js'];
const ADS = ['ads iframe /frame slot=home-leaderboard', 'ads pixel /px.gif ev=PageView', 'ads script /ads.js'];
const sorted = (list: string[]) => [...list].sort();

let browser: Browser;
let demo: Demo;
let dataDir: string;
let tab: DemoTab;

const state = (page: Page = tab.page) => page.evaluate(() => window.Consentry!.get());
const ui = (page: Page = tab.page) => page.locator('consentry-ui');
const receiptsOf = async (consentId: string) =>
  ((await (await fetch(`${demo.url}/__demo/receipts`)).json()).receipts as Array<{ receipt: Record<string, any> }>)
    .map(({ receipt }) => receipt)
    .filter((receipt) => receipt.consentId === consentId);
const chromeMajor = () => `Chrome ${browser.version().split('.')[0]}`;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'consentry-demo-signals-'));
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
});
afterEach(async () => {
  expect(tab.outside).toEqual([]);
  expect(tab.errors).toEqual([]);
  // Bounded: a close racing a withdrawal's reload can hang Chromium (helpers/close-context.ts).
  await closeContext(tab.context);
});

/** What the visitor saw: at 1280 px in light (and, with `all`, 375 px and dark too). */
async function shoot(name: string, all = false) {
  const { page } = tab;
  const sizes = all ? [1280, 375] : [1280];
  for (const width of sizes)
    for (const colorScheme of all ? (['light', 'dark'] as const) : (['light'] as const)) {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      await page.waitForTimeout(250);
      await page.screenshot({ path: join(SHOTS, `${name}-${width}-${colorScheme}.png`) });
    }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
}

const T = {
  en: {
    accept: 'Accept all',
    reject: 'Reject all',
    close: 'Close',
    dns: 'Do Not Sell or Share My Personal Information',
    optOut: 'Opt out',
    gpcBanner: 'Your browser sends Global Privacy Control',
    optOutWording: 'You can opt out of any of them at any time.',
    consentWording: 'With your consent',
    optedOut: 'You have opted out of the sale and sharing',
  },
  zh: {
    accept: '全部接受',
    reject: '全部拒绝',
    close: '关闭',
    dns: '请勿出售或共享我的个人信息',
    optOut: '拒绝出售或共享',
    gpcBanner: '全球隐私控制',
    optOutWording: '您可以随时拒绝其中任何一项。',
    consentWording: '经您同意',
    optedOut: '您已在此浏览器中拒绝出售或共享您的个人信息',
  },
};

async function visit(query: string, language: 'en' | 'zh' = 'en') {
  tab = await openTab(browser, { language });
  if (language === 'zh') await tab.context.addCookies([{ name: 'lang', value: 'zh', url: demo.url }]);
  await tab.page.goto(`${demo.url}/?${query}&utm_source=mail&email=jane%40example.com`);
  await tab.page.waitForFunction(() => window.Consentry?.settings);
}

describe('EU (opt-in)', () => {
  for (const language of ['en', 'zh'] as const)
    it(`without GPC (${language}): nothing before a choice; "Reject all" releases nothing, and the record and receipt say so`, async () => {
      await visit('region=DE', language);
      await bannerButton(tab.page, T[language].reject).waitFor({ state: 'visible' });
      expect(await ui().locator('#cy-bd').textContent()).toContain(T[language].consentWording);
      expect(await settledHits(demo, 0, { quietMs: 800 })).toEqual([]);
      await shoot(`eu-banner-${language}`);
      await bannerButton(tab.page, T[language].reject).click();
      await poll(async () => (await state()).record?.method ?? null).toBe('reject-all');
      expect(await settledHits(demo, 0, { quietMs: 800 })).toEqual([]);
      const { record } = await state();
      expect(record).toMatchObject({
        method: 'reject-all',
        via: 'banner',
        lang: language,
        region: 'DE',
        categories: { analytics: false, advertising: false },
      });
      await poll(async () => (await receiptsOf(record!.id)).length).toBe(1);
      expect((await receiptsOf(record!.id))[0]).toMatchObject({
        method: 'reject-all',
        via: 'banner',
        lang: language,
        categories: { analytics: false, advertising: false },
      });
    });
});

describe('EU (opt-in) with GPC', () => {
  for (const language of ['en', 'zh'] as const)
    it(`(${language}) nothing before a choice; the banner says advertising stays off; "Accept all" releases analytics only, and the record and receipt say so`, async () => {
      await visit('region=DE&gpc=1', language);
      await bannerButton(tab.page, T[language].accept).waitFor({ state: 'visible' });
      expect(await ui().locator('#cy-bd').textContent()).toContain(T[language].gpcBanner);
      expect(await settledHits(demo, 0, { quietMs: 800 })).toEqual([]);
      await shoot(`eu-gpc-banner-${language}`);

      await bannerButton(tab.page, T[language].accept).click();
      expect(hitKeys(await settledHits(demo, ANALYTICS.length))).toEqual(sorted(ANALYTICS));
      const { record, categories } = await state();
      expect(categories).toMatchObject({ analytics: true, advertising: false });
      expect(record).toMatchObject({
        method: 'accept-all',
        via: 'banner',
        lang: language,
        region: 'DE',
        categories: { analytics: true, advertising: false },
      });
      expect(record!.signalOverride).toBeUndefined();
      await poll(async () => (await receiptsOf(record!.id)).length).toBe(1);
      const [receipt] = await receiptsOf(record!.id);
      expect(receipt).toMatchObject({
        method: 'accept-all',
        via: 'banner',
        lang: language,
        categories: { analytics: true, advertising: false },
      });
      expect(receipt.url).toBe(demo.url + '/');
      expect(receipt.userAgent).toBe(chromeMajor());
    });
});

describe('California (opt-out)', () => {
  for (const language of ['en', 'zh'] as const)
    it(`without GPC (${language}): everything runs, and the banner says so and offers the opt-out, without consent wording`, async () => {
      await visit('region=US-CA', language);
      await bannerButton(tab.page, T[language].reject).waitFor({ state: 'visible' });
      const text = await ui().locator('#cy-bd').textContent();
      expect(text).toContain(T[language].optOutWording);
      expect(text).not.toContain(T[language].consentWording);
      expect(hitKeys(await settledHits(demo, ANALYTICS.length + ADS.length))).toEqual(sorted([...ANALYTICS, ...ADS]));
      expect((await state()).record).toBeNull();
      await shoot(`ca-banner-${language}`);
    });

  for (const language of ['en', 'zh'] as const)
    it(`without GPC (${language}): the footer's "Do Not Sell or Share" link opens its own view (not the cookie dialog); opting out stops advertising, recorded and receipted as such`, async () => {
      await visit('region=US-CA', language);
      expect(hitKeys(await settledHits(demo, ANALYTICS.length + ADS.length))).toEqual(sorted([...ANALYTICS, ...ADS]));
      await tab.page.locator('footer [data-consent-open="do-not-sell"]').click();
      const view = ui().getByRole('dialog', { name: T[language].dns });
      await view.waitFor({ state: 'visible' });
      expect(await ui().getByRole('switch').count()).toBe(0);
      expect(await view.getByRole('button', { name: T[language].accept }).count()).toBe(0);
      await shoot(`ca-do-not-sell-${language}`, true);

      demo.clearHits();
      // Advertising already ran, so refusing it reloads the page (blocking.reloadOnWithdraw): wait for the reload.
      const reloaded = tab.page.waitForEvent('framenavigated', (frame) => frame === tab.page.mainFrame());
      await view.getByRole('button', { name: T[language].optOut }).click();
      await reloaded;
      await tab.page.waitForLoadState('load');
      await tab.page.waitForFunction(() => window.Consentry?.settings);
      expect(hitKeys(await settledHits(demo, ANALYTICS.length))).toEqual(sorted(ANALYTICS));
      const { record, categories, needsBanner } = await state();
      expect({ categories, needsBanner }).toMatchObject({ categories: { analytics: true, advertising: false }, needsBanner: false });
      expect(record).toMatchObject({
        method: 'do-not-sell',
        via: 'opt-out-link',
        lang: language,
        region: 'US-CA',
        categories: { analytics: true, advertising: false },
      });
      await poll(async () => (await receiptsOf(record!.id)).length).toBe(1);
      expect((await receiptsOf(record!.id))[0]).toMatchObject({
        method: 'do-not-sell',
        via: 'opt-out-link',
        lang: language,
        categories: { analytics: true, advertising: false },
      });
      // No banner to nag after the opt-out; the link now says it was done.
      expect(await bannerButton(tab.page, T[language].accept).count()).toBe(0);
      await tab.page.locator('footer [data-consent-open="do-not-sell"]').click();
      await poll(async () => (await ui().getByRole('dialog', { name: T[language].dns }).textContent()) ?? '').toContain(
        T[language].optedOut,
      );
      expect(await ui().getByRole('button', { name: T[language].optOut }).count()).toBe(0);
      await shoot(`ca-do-not-sell-done-${language}`);
    });

  for (const language of ['en', 'zh'] as const)
    it(`with GPC (${language}): no banner and no "Accept all", a dismissible notice; advertising never contacted; the opt-out recorded and receipted`, async () => {
      await visit('region=US-CA&gpc=1', language);
      const title = language === 'en' ? 'Opt-out preference signal honored' : '已遵从您浏览器发出的隐私偏好信号';
      const notice = ui().getByRole('region', { name: title });
      await notice.waitFor({ state: 'visible' });
      expect(
        await ui()
          .getByRole('button', { name: language === 'en' ? 'Accept all' : '全部接受' })
          .count(),
      ).toBe(0);
      expect(hitKeys(await settledHits(demo, ANALYTICS.length))).toEqual(sorted(ANALYTICS));

      const { record } = await state();
      expect(record).toMatchObject({
        method: 'gpc',
        via: 'gpc',
        lang: language,
        region: 'US-CA',
        categories: { analytics: true, advertising: false },
      });
      await poll(async () => (await receiptsOf(record!.id)).length).toBe(1);
      expect((await receiptsOf(record!.id))[0]).toMatchObject({
        method: 'gpc',
        via: 'gpc',
        lang: language,
        url: demo.url + '/',
        userAgent: chromeMajor(),
      });

      await notice.getByRole('button', { name: language === 'en' ? 'Close' : '关闭' }).click();
      await poll(() => notice.count()).toBe(0);
      // The way back to the choices stays: the floating button.
      await poll(() => tab.page.locator('[data-consentry-reopen]').isVisible()).toBe(true);
      await tab.page.reload();
      await tab.page.waitForFunction(() => window.Consentry?.settings);
      await tab.page.waitForTimeout(500);
      expect(await ui().getByRole('region').count()).toBe(0);
    });

  it('with GPC: the "Do Not Sell or Share" link says the signal already opted the visitor out, and offers no second step', async () => {
    await visit('region=US-CA&gpc=1');
    await ui().getByRole('region').waitFor({ state: 'visible' });
    await shoot('ca-gpc-notice-en');
    await tab.page.locator('footer [data-consent-open="do-not-sell"]').click();
    const view = ui().getByRole('dialog', { name: T.en.dns });
    await view.waitFor({ state: 'visible' });
    expect(await view.textContent()).toContain(T.en.optedOut);
    expect(await view.getByRole('button', { name: T.en.optOut }).count()).toBe(0);
    await shoot('ca-gpc-do-not-sell-en');
    expect(hitKeys(await settledHits(demo, ANALYTICS.length))).toEqual(sorted(ANALYTICS));
  });

  it('with GPC: opting back in goes through the dialog, which says it overrides the signal', async () => {
    await visit('region=US-CA&gpc=1');
    await ui().getByRole('region').getByRole('button', { name: 'Customize' }).click();
    const dialog = ui().getByRole('dialog');
    expect(await dialog.locator('.body > p.note').textContent()).toContain('overrides the signal on this site');
    const dnss = dialog.getByRole('switch', { name: 'Do Not Sell or Share My Personal Information' });
    expect(await dnss.getAttribute('aria-checked')).toBe('true');
    demo.clearHits();
    await dnss.click();
    await dialog.getByRole('button', { name: 'Save choices' }).click();
    expect(hitKeys(await settledHits(demo, ADS.length))).toEqual(expect.arrayContaining(['ads script /ads.js']));
    expect((await state()).record).toMatchObject({
      method: 'custom',
      via: 'dialog',
      signalOverride: true,
      categories: { advertising: true },
    });
  });
});

describe('notice-only region with GPC', () => {
  for (const language of ['en', 'zh'] as const)
    it(`(${language}) no banner; advertising (script, pixel, iframe) held, analytics runs; the reopen button is there`, async () => {
      await visit('region=US-NY&gpc=1', language);
      expect(hitKeys(await settledHits(demo, ANALYTICS.length))).toEqual(sorted(ANALYTICS));
      expect(await state()).toMatchObject({ regime: 'notice-only', signal: 'gpc', categories: { analytics: true, advertising: false } });
      expect(await ui().getByRole('button', { name: T[language].accept }).count()).toBe(0);
      await poll(() => tab.page.locator('[data-consentry-reopen]').isVisible()).toBe(true);
      expect((await state()).record).toBeNull();
      await shoot(`notice-only-gpc-${language}`);
    });

  it('without GPC: everything runs, and the reopen button lets the visitor refuse', async () => {
    await visit('region=US-NY');
    expect(hitKeys(await settledHits(demo, ANALYTICS.length + ADS.length))).toEqual(sorted([...ANALYTICS, ...ADS]));
    await tab.page.locator('[data-consentry-reopen]').click();
    // Withdrawing what already ran reloads the page (blocking.reloadOnWithdraw): read the record once it is back
    // (reading it while the reload is under way fails: the page's context is destroyed under the read).
    const reloaded = tab.page.waitForEvent('framenavigated', (frame) => frame === tab.page.mainFrame());
    await ui().getByRole('dialog').getByRole('button', { name: 'Reject all' }).click();
    await reloaded;
    await tab.page.waitForLoadState('load');
    await poll(async () => (await tab.page.evaluate(() => window.Consentry?.get().record?.method)) ?? null).toBe('reject-all');
    expect((await state()).record).toMatchObject({ method: 'reject-all', via: 'dialog', region: 'US-NY' });
  });
});
