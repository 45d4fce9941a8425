import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Layout } from '../../src/core/config/types';
import { launchChromium } from './helpers/browser';
import { openUi, settle, startUiPage, type UiPage } from './ui-page';

/*
 * Screenshots for people to look at (screenshots/ui/, git-ignored): banner and dialog, desktop and phone,
 * light and dark, English and Chinese, plus every layout and Arabic. Each shot also checks that nothing
 * of the UI sticks out of the viewport sideways.
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
  {
    id: 'ga',
    category: 'analytics',
    name: 'Google Analytics',
    provider: 'Google LLC',
    purpose: { en: 'Counts visits and page views', zh: '统计访问量和页面浏览量' },
    privacyPolicyUrl: 'https://policies.google.com/privacy',
    cookies: [
      { name: '_ga', duration: { en: '2 years', zh: '2 年' }, purpose: { en: 'Distinguishes visitors', zh: '区分访客' } },
      { name: '_ga_', prefix: true, duration: { en: '2 years', zh: '2 年' } },
    ],
  },
  {
    id: 'baidu',
    category: 'analytics',
    name: 'Baidu Tongji',
    provider: 'Baidu',
    purpose: { en: 'Site statistics', zh: '网站统计' },
    cookies: [
      { name: 'Hm_lvt_', prefix: true, duration: { en: '1 year', zh: '1 年' }, purpose: { en: 'Time of last visit', zh: '上次访问时间' } },
    ],
  },
  {
    id: 'ads',
    category: 'advertising',
    name: 'Ad network',
    provider: 'Ads Inc.',
    cookies: [{ name: 'IDE', duration: { en: '13 months', zh: '13 个月' }, purpose: { en: 'Personalised ads', zh: '个性化广告' } }],
  },
];

const WIDTHS = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 740 } };

async function shoot(name: string, options: Parameters<typeof openUi>[2], expand = false) {
  const page = await openUi(browser, site, options);
  if (expand) {
    await page.locator('consentry-ui .more').first().click();
    await settle(page);
  }
  await page.screenshot({ path: join(OUT, name + '.png') });
  const overflow = await page.evaluate(() => {
    const root = document.querySelector('consentry-ui')!.shadowRoot!;
    return [...root.querySelectorAll<HTMLElement>('.banner,.dialog')].some((element) => {
      const rect = element.getBoundingClientRect();
      return rect.left < 0 || rect.right > innerWidth || element.scrollWidth > element.clientWidth + 1;
    });
  });
  expect(overflow, name).toBe(false);
  await page.context().close();
}

describe('screenshots', () => {
  for (const [device, viewport] of Object.entries(WIDTHS))
    for (const colorScheme of ['light', 'dark'] as const)
      for (const language of ['en', 'zh'])
        it(`${device} ${colorScheme} ${language}`, async () => {
          const base = {
            language,
            config: { services: SERVICES, ui: { privacyPolicyUrl: '/privacy' } },
            context: { viewport, colorScheme, locale: language == 'zh' ? 'zh-CN' : 'en-US' },
          };
          await shoot(`banner-${device}-${colorScheme}-${language}`, base);
          await shoot(
            `dialog-${device}-${colorScheme}-${language}`,
            {
              ...base,
              view: 'preferences',
              state: {
                record: {
                  id: 'k7x2-9f3a-51be',
                  time: Date.UTC(2025, 4, 6, 14, 5),
                  revision: 0,
                  categories: { analytics: true },
                  services: {},
                  method: 'custom',
                  expires: Date.UTC(2025, 10, 6),
                },
              },
            },
            true,
          );
        });

  for (const layout of ['bar-top', 'box', 'modal'] as Layout[])
    for (const [device, viewport] of Object.entries(WIDTHS))
      it(`layout ${layout} ${device}`, async () => {
        await shoot(`layout-${layout}-${device}`, {
          config: { ui: { layout, closeButton: true, privacyPolicyUrl: '/privacy' } },
          context: { viewport },
        });
      });

  it('opt-out, GPC, minors and cross-border, phone', async () => {
    await shoot('dialog-phone-optout-crossborder', {
      view: 'preferences',
      config: {
        services: SERVICES,
        minors: { ask: true },
        crossBorder: {
          recipient: 'Example Cloud Inc.',
          country: 'US',
          purpose: 'customer support',
          dataCategories: 'name, e-mail address',
          contact: 'privacy@example.com',
        },
      },
      state: { regime: 'opt-out', gpc: true, categories: { essential: true, analytics: true, advertising: false } },
      context: { viewport: WIDTHS.phone },
    });
  });

  it('Arabic, right to left', async () => {
    await shoot('banner-desktop-ar-box', { language: 'ar', path: '/rtl', config: { ui: { layout: 'box', closeButton: true } } });
    await shoot(
      'dialog-phone-ar',
      { language: 'ar', path: '/rtl', view: 'preferences', config: { services: SERVICES }, context: { viewport: WIDTHS.phone } },
      true,
    );
  });

  it('320 px and 200% zoom', async () => {
    await shoot('banner-320', { context: { viewport: { width: 320, height: 568 } } });
    await shoot(
      'dialog-320',
      { view: 'preferences', config: { services: SERVICES }, context: { viewport: { width: 320, height: 568 } } },
      true,
    );
    await shoot('banner-zoom200', { context: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } });
    await shoot('dialog-zoom200', { view: 'preferences', context: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } });
  });
});

describe('screenshots with the ×', () => {
  it('bottom bar with × at a medium width', async () => {
    await shoot('layout-bar-bottom-x-900', {
      config: { ui: { closeButton: true, privacyPolicyUrl: '/privacy' } },
      context: { viewport: { width: 900, height: 600 } },
    });
  });
});
