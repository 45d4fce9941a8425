import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DIST_DIR, startDemo, type Demo } from '../../demo/server.mjs';
import { bannerButton, hitKeys, openTab, settledHits, type DemoTab } from './demo-harness';
import { launchChromium } from './helpers/browser';
import { closeContext } from './helpers/close-context';

/**
 * Issue 19 §3, §5, §6: walks through the demo, in Chromium with the built SDK, as a visitor whose browser
 * sends Global Privacy Control (the demo's gpc.js defines it before the loader), in each regime. Each walk
 * asserts which requests reached which recipient (the demo's tracker hosts), what the record and the
 * receipt say, and what the visitor was shown.
 */
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

async function visit(query: string, language: 'en' | 'zh' = 'en') {
  tab = await openTab(browser, { language });
  if (language === 'zh') await tab.context.addCookies([{ name: 'lang', value: 'zh', url: demo.url }]);
  await tab.page.goto(`${demo.url}/?${query}&utm_source=mail&email=jane%40example.com`);
  await tab.page.waitForFunction(() => window.Consentry?.settings);
}

describe('EU (opt-in) with GPC', () => {
  it('nothing before a choice; the banner says advertising stays off; "Accept all" releases analytics only, and the record and receipt say so', async () => {
    await visit('region=DE&gpc=1');
    await bannerButton(tab.page, 'Accept all').waitFor({ state: 'visible' });
    expect(await ui().locator('#cy-bd').textContent()).toContain('Your browser sends Global Privacy Control');
    expect(await settledHits(demo, 0, { quietMs: 800 })).toEqual([]);

    await bannerButton(tab.page, 'Accept all').click();
    expect(hitKeys(await settledHits(demo, ANALYTICS.length))).toEqual(sorted(ANALYTICS));
    const { record, categories } = await state();
    expect(categories).toMatchObject({ analytics: true, advertising: false });
    expect(record).toMatchObject({ method: 'accept-all', via: 'banner', lang: 'en', region: 'DE', categories: { analytics: true, advertising: false } });
    expect(record!.signalOverride).toBeUndefined();
    await poll(async () => (await receiptsOf(record!.id)).length).toBe(1);
    const [receipt] = await receiptsOf(record!.id);
    expect(receipt).toMatchObject({ method: 'accept-all', via: 'banner', lang: 'en', categories: { analytics: true, advertising: false } });
    expect(receipt.url).toBe(demo.url + '/');
    expect(receipt.userAgent).toBe(chromeMajor());
  });
});

describe('California (opt-out)', () => {
  it('without GPC: everything runs, and the banner says so and offers the opt-out, without consent wording', async () => {
    await visit('region=US-CA');
    await bannerButton(tab.page, 'Reject all').waitFor({ state: 'visible' });
    const text = await ui().locator('#cy-bd').textContent();
    expect(text).toContain('You can opt out of any of them at any time.');
    expect(text).not.toContain('With your consent');
    expect(hitKeys(await settledHits(demo, ANALYTICS.length + ADS.length))).toEqual(sorted([...ANALYTICS, ...ADS]));
    expect((await state()).record).toBeNull();
  });

  for (const language of ['en', 'zh'] as const)
    it(`with GPC (${language}): no banner and no "Accept all", a dismissible notice; advertising never contacted; the opt-out recorded and receipted`, async () => {
      await visit('region=US-CA&gpc=1', language);
      const title = language === 'en' ? 'Opt-out preference signal honored' : '已遵从您浏览器发出的隐私偏好信号';
      const notice = ui().getByRole('region', { name: title });
      await notice.waitFor({ state: 'visible' });
      expect(await ui().getByRole('button', { name: language === 'en' ? 'Accept all' : '全部接受' }).count()).toBe(0);
      expect(hitKeys(await settledHits(demo, ANALYTICS.length))).toEqual(sorted(ANALYTICS));

      const { record } = await state();
      expect(record).toMatchObject({ method: 'gpc', via: 'gpc', lang: language, region: 'US-CA', categories: { analytics: true, advertising: false } });
      await poll(async () => (await receiptsOf(record!.id)).length).toBe(1);
      expect((await receiptsOf(record!.id))[0]).toMatchObject({ method: 'gpc', via: 'gpc', lang: language, url: demo.url + '/', userAgent: chromeMajor() });

      await notice.getByRole('button', { name: language === 'en' ? 'Close' : '关闭' }).click();
      await poll(() => notice.count()).toBe(0);
      // The way back to the choices stays: the floating button.
      await poll(() => tab.page.locator('[data-consentry-reopen]').isVisible()).toBe(true);
      await tab.page.reload();
      await tab.page.waitForFunction(() => window.Consentry?.settings);
      await tab.page.waitForTimeout(500);
      expect(await ui().getByRole('region').count()).toBe(0);
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
    expect((await state()).record).toMatchObject({ method: 'custom', via: 'dialog', signalOverride: true, categories: { advertising: true } });
  });
});

describe('notice-only region with GPC', () => {
  it('no banner; advertising (script, pixel, iframe) held, analytics runs; the reopen button is there', async () => {
    await visit('region=US-NY&gpc=1');
    expect(hitKeys(await settledHits(demo, ANALYTICS.length))).toEqual(sorted(ANALYTICS));
    expect(await state()).toMatchObject({ regime: 'notice-only', signal: 'gpc', categories: { analytics: true, advertising: false } });
    expect(await ui().getByRole('button', { name: 'Accept all' }).count()).toBe(0);
    await poll(() => tab.page.locator('[data-consentry-reopen]').isVisible()).toBe(true);
    expect((await state()).record).toBeNull();
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
