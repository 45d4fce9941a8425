import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentryConfig, SeparateConsentConfig } from '../../src/core/config/types';
import { launchChromium } from './helpers/browser';
import { openUi, runAxe, settle, startUiPage, type UiPage } from './ui-page';

/*
 * Issue 19 §1: the dialog's separate consents (PIPL 单独同意), in the built UI in Chromium: no axe violation
 * in light or dark, nothing sticking out at 375 px, and screenshots (screenshots/ui/, git-ignored) at 1280 and
 * 375 px, light and dark, English and Chinese, scrolled to the consents, for people to look at.
 */
const OUT = join(import.meta.dirname, '../../screenshots/ui');

let browser: Browser;
let site: UiPage;
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launchChromium();
  site = await startUiPage();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const TRANSFER: SeparateConsentConfig = {
  id: 'us-analytics',
  kind: 'transfer',
  recipient: { en: 'Northstar Metrics, Inc.', zh: 'Northstar Metrics 公司' },
  country: 'US',
  contact: 'privacy@northstar-metrics.example',
  purpose: { en: 'Site analytics: page views and usage logs.', zh: '站点分析：页面浏览和使用日志。' },
  processingMethod: {
    en: 'Collected by a script in your browser, stored in the United States for 14 months.',
    zh: '由浏览器中的脚本收集，在美国保存 14 个月。',
  },
  dataCategories: { en: 'A pseudonymous browser id, the pages you visit.', zh: '假名化的浏览器标识、您访问的页面。' },
  rights: {
    en: 'Write to privacy@northstar-metrics.example to see, correct or delete your data.',
    zh: '发送邮件至 privacy@northstar-metrics.example 查阅、更正或删除您的个人信息。',
  },
};
const { country: _, ...domestic } = TRANSFER;
const PROVISION: SeparateConsentConfig = {
  ...domestic,
  id: 'partner',
  kind: 'provision',
  recipient: { en: 'Harbor Logistics Co., Ltd.', zh: '港湾物流有限公司' },
  contact: '400-000-0000',
  purpose: { en: 'Delivering your order.', zh: '配送您的订单。' },
};

const CONFIG: ConsentryConfig = {
  ui: { privacyPolicyUrl: '/privacy' },
  separateConsents: [TRANSFER, PROVISION],
  services: [
    { id: 'northstar', category: 'analytics', name: 'Northstar Analytics', separateConsents: ['us-analytics'] },
    { id: 'harbor', category: 'essential', separateConsents: ['partner'] },
  ],
};
const WIDTHS = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 740 } };

describe('separate consents in the dialog', () => {
  for (const colorScheme of ['light', 'dark'] as const)
    it(`axe: 0 violations of any impact, ${colorScheme}, one switched on`, async () => {
      const page = await openUi(browser, site, { config: CONFIG, state: { region: 'CN' }, view: 'preferences', context: { colorScheme } });
      await page.locator('consentry-ui').getByRole('switch', { name: 'Transfer outside your country' }).click();
      await settle(page);
      expect(await runAxe(page)).toEqual([]);
      await page.context().close();
    });

  it('is not in the dialog of an EU visitor', async () => {
    const page = await openUi(browser, site, { config: CONFIG, state: { region: 'DE' }, view: 'preferences' });
    await settle(page);
    expect(await page.locator('consentry-ui').getByRole('switch').count()).toBe(3);
    expect(
      await page
        .locator('consentry-ui')
        .getByText(/Northstar Metrics/)
        .count(),
    ).toBe(0);
    await page.context().close();
  });

  for (const [device, viewport] of Object.entries(WIDTHS))
    for (const colorScheme of ['light', 'dark'] as const)
      for (const language of ['en', 'zh'])
        it(`screenshot ${device} ${colorScheme} ${language}`, async () => {
          const page = await openUi(browser, site, {
            language,
            config: CONFIG,
            state: { region: 'CN' },
            view: 'preferences',
            context: { viewport, colorScheme, locale: language == 'zh' ? 'zh-CN' : 'en-US' },
          });
          const title = language == 'en' ? 'Transfer outside your country' : '向境外提供个人信息';
          const toggle = page.locator('consentry-ui').getByRole('switch', { name: title });
          // The consents come after the categories: bring the first one to the top of the dialog's body.
          await toggle.evaluate((element) => element.closest('.cat')!.scrollIntoView({ block: 'start' }));
          await settle(page);
          await page.screenshot({ path: join(OUT, `separate-consents-${device}-${colorScheme}-${language}.png`) });
          const overflow = await page.evaluate(() => {
            const root = document.querySelector('consentry-ui')!.shadowRoot!;
            const dialog = root.querySelector<HTMLElement>('.dialog')!;
            const rect = dialog.getBoundingClientRect();
            return rect.left < 0 || rect.right > innerWidth || dialog.scrollWidth > dialog.clientWidth + 1;
          });
          expect(overflow).toBe(false);
          await page.context().close();
        });
});
