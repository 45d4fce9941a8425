import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { openUi, runAxe, settle, startUiPage, type UiPage } from './ui-page';

/*
 * The views of issue 19 §2 and §7 in Chromium: the age question on the banner's first layer, the guardian
 * path with its "waiting" notes, the dialog with the guardian confirmed and the consent tool's own storage
 * unfolded under essential. axe-core finds no violation of any impact; screenshots (screenshots/minors/,
 * git-ignored) at 1280 and 375 px, light and dark, English and Chinese, for people to look at.
 */
const OUT = join(import.meta.dirname, '../../screenshots/minors');
const WIDTHS = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 740 } };
const TEXT = {
  en: { accept: 'Accept all', under: 'Under 14', guardian: /parent or guardian/ },
  zh: { accept: '全部接受', under: '未满 14 周岁', guardian: /父母或其他监护人/ },
};

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

const config = {
  minors: { ask: true },
  ui: { privacyPolicyUrl: '/privacy' },
  receipts: { endpoint: '/receipts' },
  services: [
    { id: 'ga', category: 'analytics', name: 'Google Analytics', provider: 'Google LLC', cookies: [{ name: '_ga', duration: '2 years' }] },
  ],
};
const ui = (page: Page) => page.locator('consentry-ui');

/** Banner: an answerless "Accept all" (age note), then "under 14" and a second "Accept all" (guardian note). */
async function bannerWaitingForGuardian(page: Page, language: 'en' | 'zh') {
  const t = TEXT[language];
  await ui(page).getByRole('button', { name: t.accept, exact: true }).click();
  await ui(page).getByLabel(t.under, { exact: true }).check();
  await ui(page).getByRole('button', { name: t.accept, exact: true }).click();
  await settle(page);
}

/** Dialog: "under 14", the guardian confirms, essential's services unfolded. */
async function dialogConfirmed(page: Page, language: 'en' | 'zh') {
  const t = TEXT[language];
  await ui(page).getByLabel(t.under, { exact: true }).check();
  await ui(page).getByRole('checkbox', { name: t.guardian }).check();
  await ui(page).locator('[aria-controls=cy-s-essential]').click();
  await settle(page);
}

describe('minors: axe-core, 0 violations of any impact', () => {
  for (const colorScheme of ['light', 'dark'] as const)
    for (const language of ['en', 'zh'] as const)
      it(`${colorScheme}, ${language}: banner before an answer, waiting for a guardian; dialog confirmed`, async () => {
        const options = {
          config,
          language,
          state: { region: 'CN' },
          context: { colorScheme, locale: language == 'zh' ? 'zh-CN' : 'en-US' },
        };
        const banner = await openUi(browser, site, options);
        expect(await runAxe(banner)).toEqual([]);
        await bannerWaitingForGuardian(banner, language);
        expect(await runAxe(banner)).toEqual([]);
        await banner.context().close();
        const dialog = await openUi(browser, site, { ...options, view: 'preferences' });
        await dialogConfirmed(dialog, language);
        expect(await runAxe(dialog)).toEqual([]);
        await dialog.context().close();
      });
});

describe('minors: screenshots', () => {
  for (const [device, viewport] of Object.entries(WIDTHS))
    for (const colorScheme of ['light', 'dark'] as const)
      for (const language of ['en', 'zh'] as const)
        it(`${device} ${colorScheme} ${language}`, async () => {
          const options = {
            config,
            language,
            state: { region: 'CN' },
            context: { viewport, colorScheme, locale: language == 'zh' ? 'zh-CN' : 'en-US' },
          };
          const name = `${device}-${colorScheme}-${language}`;
          const banner = await openUi(browser, site, options);
          await banner.screenshot({ path: join(OUT, `banner-${name}.png`) });
          await bannerWaitingForGuardian(banner, language);
          await banner.screenshot({ path: join(OUT, `banner-guardian-${name}.png`) });
          await banner.context().close();
          const dialog = await openUi(browser, site, { ...options, view: 'preferences' });
          await dialogConfirmed(dialog, language);
          await ui(dialog).getByRole('checkbox', { name: TEXT[language].guardian }).scrollIntoViewIfNeeded();
          await dialog.screenshot({ path: join(OUT, `dialog-guardian-${name}.png`) });
          await ui(dialog).locator('#cy-s-essential').scrollIntoViewIfNeeded();
          await dialog.screenshot({ path: join(OUT, `dialog-essential-${name}.png`) });
          const overflow = await dialog.evaluate(() => {
            const element = document.querySelector('consentry-ui')!.shadowRoot!.querySelector<HTMLElement>('.dialog')!;
            return element.scrollWidth > element.clientWidth + 1;
          });
          expect(overflow).toBe(false);
          await dialog.context().close();
        });
});
