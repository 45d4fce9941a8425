import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DIST_DIR, startDemo, type Demo } from '../../demo/server.mjs';
import { bannerButton, hitKeys, openTab, settledHits, type DemoTab } from './demo-harness';
import { launchChromium } from './helpers/browser';

/**
 * Issue 19 §1: the demo's China region asks a separate consent (PIPL 单独同意, arts. 38–39) before its US
 * analytics provider, Northstar, gets anything. Walked in Chromium with the built SDK, in English and
 * Chinese: "Accept all" grants analytics, yet no script, beacon or pixel reaches Northstar until the
 * visitor switches the transfer on; the record and the receipt say which it was.
 */
if (!existsSync(join(DEFAULT_DIST_DIR, 'consentry.min.js'))) throw new Error(`Run "npm run build" first (${DEFAULT_DIST_DIR}).`);

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });
const CONSENT = 'northstar-transfer';
const TEXTS = {
  en: { acceptAll: 'Accept all', transfer: 'Transfer outside your country', save: 'Save choices', reopen: 'Cookie settings' },
  zh: { acceptAll: '全部接受', transfer: '向境外提供个人信息', save: '保存选择', reopen: 'Cookie 设置' },
};
const SHOTS = join(import.meta.dirname, '../../screenshots/ui');
const analyticsHits = (keys: string[]) => keys.filter((key) => key.startsWith('analytics '));

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

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'consentry-demo-cross-border-'));
  demo = await startDemo({ quiet: true, dataDir });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(() => demo.clearHits());
afterEach(async () => {
  expect(tab.outside).toEqual([]);
  expect(tab.errors).toEqual([]);
  await Promise.race([tab.context.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
});

async function visit(query: string, language: 'en' | 'zh') {
  tab = await openTab(browser, { language });
  if (language === 'zh') await tab.context.addCookies([{ name: 'lang', value: 'zh', url: demo.url }]);
  await tab.page.goto(`${demo.url}/?${query}`);
  await tab.page.waitForFunction(() => window.Consentry?.settings);
}

describe('China: cross-border consent for the US analytics provider', () => {
  for (const language of ['en', 'zh'] as const)
    it(`${language}: refused (Accept all) sends Northstar nothing; granted in the dialog, it gets its script, beacon and pixel`, async () => {
      const t = TEXTS[language];
      await visit('region=CN', language);
      await bannerButton(tab.page, t.acceptAll).waitFor({ state: 'visible' });
      expect(await settledHits(demo, 0, { quietMs: 800 })).toEqual([]);

      // "Accept all" grants every category, and no separate consent.
      await bannerButton(tab.page, t.acceptAll).click();
      const refused = hitKeys(await settledHits(demo, 1, { quietMs: 1200 }));
      expect(refused.length).toBeGreaterThan(0); // advertising, granted, did run
      expect(analyticsHits(refused)).toEqual([]);
      const first = await state();
      expect(first.categories).toMatchObject({ analytics: true, advertising: true });
      expect(first.services['northstar-analytics']).toBe(false);
      expect(first.consents).toEqual({ [CONSENT]: false });
      expect(first.record).toMatchObject({ method: 'accept-all', region: 'CN', lang: language, consents: { [CONSENT]: false } });
      await poll(async () => (await receiptsOf(first.record!.id)).length).toBe(1);
      expect((await receiptsOf(first.record!.id))[0]).toMatchObject({
        method: 'accept-all',
        categories: { analytics: true },
        consents: { [CONSENT]: false },
      });

      // The dialog shows the transfer, off, with what art. 39 says must be told; switching it on releases Northstar.
      demo.clearHits();
      await tab.page.evaluate(() => window.Consentry!.showPreferences());
      const dialog = ui().getByRole('dialog');
      const toggle = dialog.getByRole('switch', { name: t.transfer });
      expect(await toggle.getAttribute('aria-checked')).toBe('false');
      const told = await ui()
        .locator('#' + (await toggle.getAttribute('aria-describedby')))
        .textContent();
      for (const part of language === 'en'
        ? [
            'Northstar Metrics, Inc.',
            'United States',
            'How it is processed:',
            'How to exercise your rights:',
            "Recipient's contact: privacy@northstar-metrics.example",
          ]
        : ['Northstar Metrics 公司', '美国', '处理方式：', '行使权利的方式：', '接收方联系方式：privacy@northstar-metrics.example'])
        expect(told).toContain(part);
      expect(told).not.toMatch(/\.\.|。。/);
      // What the visitor saw, for people to look at (screenshots/, git-ignored).
      await toggle.evaluate((element) => element.closest('.cat')!.scrollIntoView({ block: 'start' }));
      await tab.page.screenshot({ path: join(SHOTS, `demo-cn-transfer-${language}.png`) });
      await toggle.click();
      await dialog.getByRole('button', { name: t.save }).click();
      const granted = hitKeys(await settledHits(demo, 3, { quietMs: 1200 }));
      expect(analyticsHits(granted)).toEqual(['analytics beacon /g/collect', 'analytics pixel /hm.gif', 'analytics script /ns.js']);
      const second = await state();
      expect(second.services['northstar-analytics']).toBe(true);
      expect(second.record).toMatchObject({ method: 'custom', via: 'dialog', consents: { [CONSENT]: true } });
      await poll(async () => (await receiptsOf(second.record!.id)).length).toBe(2);
      expect((await receiptsOf(second.record!.id))[1]).toMatchObject({ method: 'custom', consents: { [CONSENT]: true } });
    });

  it('an EU visitor is not asked: "Accept all" releases Northstar, and the record holds no separate consent', async () => {
    await visit('region=DE', 'en');
    await bannerButton(tab.page, 'Accept all').click();
    const hits = hitKeys(await settledHits(demo, 3, { quietMs: 1200 }));
    expect(analyticsHits(hits)).toEqual(['analytics beacon /g/collect', 'analytics pixel /hm.gif', 'analytics script /ns.js']);
    const { record, consents } = await state();
    expect(consents).toEqual({});
    expect(record!.consents).toBeUndefined();
    await tab.page.evaluate(() => window.Consentry!.showPreferences());
    expect(await ui().getByRole('dialog').getByRole('switch', { name: 'Transfer outside your country' }).count()).toBe(0);
  });
});
