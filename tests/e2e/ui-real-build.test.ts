import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, newTab } from './helpers/browser';
import { closeContext } from './helpers/close-context';
import { startServer, type TestServer } from './helpers/server';

/*
 * The UI as shipped: dist/consentry.min.js loads dist/consentry-ui.min.js (and a language pack) on
 * demand, and the visitor decides with the mouse or the keyboard. `npm test` builds first.
 */

const CONFIG = {
  ui: { privacyPolicyUrl: '/privacy' },
  services: [
    { id: 'ga', category: 'analytics', name: 'Google Analytics', provider: 'Google LLC', cookies: [{ name: '_ga', duration: '2 years' }] },
  ],
};

const page = (lang: string) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Shop</title>
<script src="/dist/consentry.min.js"></script>
<script type="application/json" id="consentry-config">${JSON.stringify(CONFIG)}</script>
<script>window.__ran = [];</script>
<script type="text/plain" data-consent="analytics">window.__ran.push('analytics')</script>
</head><body><main><h1>Shop</h1><p><a href="#" id="settings" data-consent-open>Cookie settings</a></p></main></body></html>`;

let browser: Browser;
let server: TestServer;
let context: BrowserContext;
let tab: Page;
let errors: string[];

const ui = (selector: string) => tab.locator(`consentry-ui ${selector}`);
const banner = () => ui('[role=region]');
const dialog = () => ui('[role=dialog]');
const focusedLabel = () =>
  tab.evaluate(() => {
    let active = document.activeElement as HTMLElement | null;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
    return active?.getAttribute('role') || active?.getAttribute('aria-label') || active?.textContent?.trim();
  });

beforeAll(async () => {
  browser = await launchChromium();
  server = await startServer();
  for (const lang of ['en', 'zh', 'de', 'ar']) server.page('/' + lang, page(lang));
  server.page('/axe.js', await readFile(join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8'), 'text/javascript');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  await closeContext(context);
  ({ context, tab } = await newTab(browser));
  errors = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  server.hits.length = 0;
});

describe('the shipped UI with the script-tag loader', () => {
  it('refuses with one click, then reopens from the floating button and gives focus back', async () => {
    await tab.goto(server.origin + '/en');
    await banner().waitFor();
    expect(await tab.evaluate(() => (window as any).__ran)).toEqual([]);
    await ui('.btn').nth(1).click();
    expect(await tab.evaluate(() => window.Consentry!.get().categories)).toEqual({ essential: true, analytics: false, advertising: false });
    expect(await banner().count()).toBe(0);

    const reopen = tab.locator('[data-consentry-reopen]');
    await reopen.focus();
    await tab.keyboard.press('Enter');
    await dialog().waitFor();
    expect(await focusedLabel()).toBe('dialog');
    const id = await tab.evaluate(() => window.Consentry!.get().record!.id);
    expect(await dialog().textContent()).toContain(id);
    await tab.keyboard.press('Escape');
    expect(await dialog().count()).toBe(0);
    expect(await focusedLabel()).toBe(await reopen.getAttribute('aria-label'));
    expect(errors).toEqual([]);
  });

  it('grants exactly what was switched on, from a data-consent-open link', async () => {
    await tab.goto(server.origin + '/en');
    await banner().waitFor();
    await ui('.btn').nth(1).click();
    await tab.click('#settings');
    await dialog().waitFor();
    const analytics = ui('[role=switch][aria-labelledby=cy-c-analytics]');
    expect(await analytics.getAttribute('aria-checked')).toBe('false');
    await analytics.click();
    await ui('.acts .alt').click();
    expect(await dialog().count()).toBe(0);
    expect(await tab.evaluate(() => window.Consentry!.get().categories)).toEqual({ essential: true, analytics: true, advertising: false });
    expect(await tab.evaluate(() => (window as any).__ran)).toEqual(['analytics']);
  });

  it('shows Chinese from <html lang>, from the zh pack', async () => {
    await tab.goto(server.origin + '/zh');
    await banner().waitFor();
    expect(await ui('.btn').first().textContent()).toBe('全部接受');
    expect(server.hits.some((hit) => hit.path.endsWith('/i18n/zh.min.js'))).toBe(true);
  });

  it('shows English, without an error, when the zh pack cannot be loaded', async () => {
    await tab.route('**/i18n/zh.min.js', (route) => route.abort());
    await tab.goto(server.origin + '/zh');
    await banner().waitFor();
    expect(await ui('.btn').first().textContent()).toBe('Accept all');
    expect(await ui('.r').getAttribute('lang')).toBe('en');
    expect(errors).toEqual([]);
  });

  it('does not fetch a pack for English', async () => {
    await tab.goto(server.origin + '/en');
    await banner().waitFor();
    expect(server.hits.some((hit) => hit.path.includes('/i18n/'))).toBe(false);
  });

  it('fetches the German pack on demand', async () => {
    await tab.goto(server.origin + '/de');
    await banner().waitFor();
    expect(await ui('.btn').first().textContent()).toBe('Alle akzeptieren');
    expect(server.hits.some((hit) => hit.path.endsWith('/i18n/de.min.js'))).toBe(true);
  });

  it('lays Arabic out right to left', async () => {
    await tab.goto(server.origin + '/ar');
    await banner().waitFor();
    expect(await ui('.r').getAttribute('dir')).toBe('rtl');
    expect(await ui('.btn').first().textContent()).toBe('قبول الكل');
  });

  it('passes axe-core with the loader on the page', async () => {
    await tab.goto(server.origin + '/en');
    await banner().waitFor();
    await tab.waitForTimeout(300);
    await tab.addScriptTag({ url: '/axe.js' });
    const violations = await tab.evaluate(async () => (await (window as any).axe.run(document)).violations.map((v: any) => v.id));
    expect(violations).toEqual([]);
  });
});
