import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { openUi, runAxe, settle, startUiPage, type OpenOptions, type UiPage } from './ui-page';

/*
 * Issue 19 §3/§4: the views an opt-out preference signal brings (the "honoured" notice, the opt-in banner
 * that says advertising stays off, the dialog's override statement), the opt-out banner's wording, and the
 * CCPA/CPRA opt-out views of `data-consent-open="do-not-sell"` and `"limit-sensitive"` links (before and
 * after opting out).
 * axe-core finds no violation in any of them, light and dark; screenshots (screenshots/ui/, git-ignored)
 * at 1280 and 375 px, light and dark, English and Chinese, each checked for sideways overflow.
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

const SERVICES = [
  { id: 'ga', category: 'analytics', name: 'Google Analytics', provider: 'Google LLC', cookies: [{ name: '_ga', duration: '2 years' }] },
  { id: 'ads', category: 'advertising', name: 'Ad network', provider: 'Ads Inc.', cookies: [{ name: 'IDE', duration: '13 months' }] },
];
const config = { services: SERVICES, ui: { privacyPolicyUrl: '/privacy' } };
const GPC_RECORD = {
  id: 'k7x2-9f3a-51be',
  time: Date.UTC(2025, 4, 6, 14, 5),
  revision: 0,
  categories: { analytics: true, advertising: false },
  services: {},
  method: 'gpc' as const,
  via: 'gpc' as const,
  expires: Date.UTC(2025, 10, 6),
};
const VIEWS: { [name: string]: OpenOptions } = {
  notice: {
    config,
    view: 'notice',
    state: {
      regime: 'opt-out',
      gpc: true,
      signal: 'gpc',
      record: GPC_RECORD,
      status: 'decided',
      needsBanner: false,
      categories: { essential: true, analytics: true, advertising: false },
    },
  },
  'optout-banner': { config, state: { regime: 'opt-out', categories: { essential: true, analytics: true, advertising: true } } },
  'gpc-banner': { config, state: { regime: 'opt-in', gpc: true, signal: 'gpc' } },
  'gpc-dialog': {
    config,
    view: 'preferences',
    state: {
      regime: 'opt-out',
      gpc: true,
      signal: 'gpc',
      record: GPC_RECORD,
      status: 'decided',
      needsBanner: false,
      categories: { essential: true, analytics: true, advertising: false },
    },
  },
};
const OPT_OUT_STATE = { regime: 'opt-out' as const, categories: { essential: true, analytics: true, advertising: true } };
Object.assign(VIEWS, {
  'do-not-sell': { config, view: 'do-not-sell', state: OPT_OUT_STATE },
  'do-not-sell-done': {
    config,
    view: 'do-not-sell',
    state: { ...OPT_OUT_STATE, categories: { essential: true, analytics: true, advertising: false } },
  },
  'limit-sensitive': { config, view: 'limit-sensitive', state: OPT_OUT_STATE },
} satisfies { [name: string]: OpenOptions });
const WIDTHS = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 740 } };

describe('axe-core: 0 violations', () => {
  for (const [name, options] of Object.entries(VIEWS))
    for (const colorScheme of ['light', 'dark'] as const)
      for (const language of ['en', 'zh'])
        it(`${name}, ${colorScheme}, ${language}`, async () => {
          const page = await openUi(browser, site, {
            ...options,
            language,
            config: { ...config, ui: { ...config.ui, theme: 'auto' } },
            context: { colorScheme },
          });
          expect(await runAxe(page)).toEqual([]);
          await page.context().close();
        });
});

describe('screenshots', () => {
  for (const [name, options] of Object.entries(VIEWS))
    for (const [device, viewport] of Object.entries(WIDTHS))
      for (const colorScheme of ['light', 'dark'] as const)
        for (const language of ['en', 'zh'])
          it(`${name} ${device} ${colorScheme} ${language}`, async () => {
            const page = await openUi(browser, site, {
              ...options,
              language,
              config: { ...config, ui: { ...config.ui, theme: colorScheme } },
              context: { viewport, colorScheme, locale: language == 'zh' ? 'zh-CN' : 'en-US' },
            });
            await settle(page);
            await page.screenshot({ path: join(OUT, `signal-${name}-${device}-${colorScheme}-${language}.png`) });
            const overflow = await page.evaluate(() => {
              const root = document.querySelector('consentry-ui')!.shadowRoot!;
              return [...root.querySelectorAll<HTMLElement>('.banner,.dialog')].some((element) => {
                const rect = element.getBoundingClientRect();
                return rect.left < 0 || rect.right > innerWidth || element.scrollWidth > element.clientWidth + 1;
              });
            });
            expect(overflow).toBe(false);
            await page.context().close();
          });
});
