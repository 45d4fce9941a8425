import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Layout } from '../../src/core/config/types';
import { launchChromium } from './helpers/browser';
import { openUi, runAxe, settle, startUiPage, type UiPage } from './ui-page';

let browser: Browser;
let site: UiPage;
beforeAll(async () => {
  browser = await launchChromium();
  site = await startUiPage();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const LAYOUTS: Layout[] = ['bar-bottom', 'bar-top', 'box', 'modal'];
const SCHEMES = ['light', 'dark'] as const;

/** Every control the dialog can show: opt-out, GPC, age question, cross-border, services unfolded, a record. */
const EVERYTHING = {
  config: {
    ui: { privacyPolicyUrl: '/privacy' },
    minors: { ask: true },
    crossBorder: {
      recipient: 'Example Cloud Inc.',
      country: 'US',
      purpose: 'customer support',
      dataCategories: 'name, e-mail',
      contact: 'privacy@example.com',
    },
    services: [
      {
        id: 'ga',
        category: 'analytics',
        name: 'Google Analytics',
        provider: 'Google LLC',
        purpose: 'Counts visits',
        privacyPolicyUrl: 'https://policies.google.com/privacy',
        cookies: [{ name: '_ga', duration: '2 years' }],
      },
      {
        id: 'ads',
        category: 'advertising',
        name: 'Ad network',
        provider: 'Ads Inc.',
        cookies: [{ name: 'IDE', duration: '13 months', purpose: 'Ads' }],
      },
    ],
  },
  state: {
    regime: 'opt-out' as const,
    gpc: true,
    categories: { essential: true, analytics: true, advertising: false },
    record: {
      id: 'abc-123',
      time: Date.UTC(2025, 0, 2),
      revision: 0,
      categories: { analytics: true },
      services: {},
      method: 'custom' as const,
      expires: Date.UTC(2026, 0, 1),
    },
  },
};

describe('axe-core: 0 violations of any impact', () => {
  for (const layout of LAYOUTS)
    for (const colorScheme of SCHEMES)
      it(`banner, ${layout}, ${colorScheme}`, async () => {
        const page = await openUi(browser, site, {
          config: { ui: { layout, theme: 'auto', closeButton: layout === 'box', privacyPolicyUrl: '/privacy' } },
          context: { colorScheme },
        });
        expect(await runAxe(page)).toEqual([]);
        await page.context().close();
      });

  for (const colorScheme of SCHEMES)
    it(`preferences with every control, ${colorScheme}`, async () => {
      const page = await openUi(browser, site, { ...EVERYTHING, view: 'preferences', context: { colorScheme } });
      for (const more of await page.locator('consentry-ui .more').all()) await more.click();
      await page.locator('consentry-ui input[type=radio]').first().check();
      await settle(page);
      expect(await runAxe(page)).toEqual([]);
      await page.context().close();
    });

  it('banner and preferences in Chinese and, right to left, in Arabic', async () => {
    for (const [language, path] of [
      ['zh', '/'],
      ['ar', '/rtl'],
    ]) {
      const page = await openUi(browser, site, { language, path });
      expect(await runAxe(page)).toEqual([]);
      await page.locator('consentry-ui [data-customize]').click();
      await settle(page);
      expect(await runAxe(page)).toEqual([]);
      await page.context().close();
    }
  });
});
