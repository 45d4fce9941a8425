import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, newTab } from './helpers/browser';
import { closeContext } from './helpers/close-context';
import { listenToConsole } from './helpers/console-log';
import { startServer, type TestServer } from './helpers/server';
import { configured } from './helpers/consentry-ready';

// The built loader in Chromium: markup that names no declared category or service stays held, says so once
// in the console, and names that an object reaches through its prototype (issue 24 #8) are no ids at all.

const CONFIG = {
  services: [{ id: 'ga', category: 'analytics' }],
  integrations: { dataLayer: { enabled: true, name: 'shopLayer' } },
};

const held = (attributes: string, label: string) =>
  `<script type="text/plain" ${attributes}>window.__ran.push(${JSON.stringify(label)})</script>`;

const page = (body: string, head = '') => `<!doctype html><html lang="en"><head>
<script>window.__ran = [];</script>${head}
<script src="/dist/consentry.min.js"></script><script type="application/json" id="consentry-config">${JSON.stringify(CONFIG)}</script>
${body}</head><body><h1>Shop</h1></body></html>`;

const PROTOTYPE_MARKUP = [
  held('data-consent="constructor"', 'consent=constructor'),
  held('data-consent="toString"', 'consent=toString'),
  held('data-consent="__proto__"', 'consent=__proto__'),
  held('data-consent="hasOwnProperty"', 'consent=hasOwnProperty'),
  held('data-service="constructor"', 'service=constructor'),
  held('data-service="valueOf"', 'service=valueOf'),
  held('data-name="Constructor"', 'klaro=Constructor'),
  held('data-category="__proto__"', 'vanilla=__proto__'),
  held('data-consent="essential" data-service="toString"', 'essential+service=toString'),
].join('\n');

const TYPO_MARKUP = [
  held('data-consent="marketing"', 'marketing-1'),
  held('data-consent="marketing"', 'marketing-2'),
  `<img data-consent="marketing" data-src="/pixel.gif" alt="">`,
  held('data-consent="analytics" data-service="gaa"', 'analytics+gaa'),
  held('data-consent="essential" data-service="gaa"', 'essential+gaa'),
  held('data-consent="analytics" data-service="ga"', 'analytics+ga'),
  held('data-consent="essential"', 'essential'),
].join('\n');

const EMBEDS = `<iframe id="typo" data-consent="advertising" data-service="youtub" data-src="/video.html" width="320" height="180" title="typo"></iframe>
<iframe id="known" data-consent="advertising" data-src="/video.html" width="320" height="180" title="known"></iframe>`;

let browser: Browser;
let server: TestServer;
let context: BrowserContext;
let tab: Page;
let warnings: string[];
let errors: string[];

const ran = () => tab.evaluate(() => (window as any).__ran as string[]);

beforeAll(async () => {
  browser = await launchChromium();
  server = await startServer();
  server.page('/prototype', page(PROTOTYPE_MARKUP));
  server.page('/typos', page(TYPO_MARKUP));
  server.page('/taken-layer', page('', '<script>window.shopLayer = { version: 2 };</script>'));
  server.page('/pixel.gif', 'GIF89a', 'image/gif');
  server.page('/embeds', page('', '').replace('<h1>Shop</h1>', EMBEDS));
  server.page('/video.html', '<p>video</p>');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  await closeContext(context);
  ({ context, tab } = await newTab(browser));
  ({ errors, warnings } = listenToConsole(tab));
});

describe('prototype names in markup (issue 24 #8)', () => {
  it('stay held before a choice, after "Accept all", and Consentry.isGranted says no', async () => {
    await tab.goto(server.origin + '/prototype');
    await configured(tab);
    expect(await ran()).toEqual([]);
    await tab.evaluate(() => window.Consentry!.acceptAll());
    await tab.waitForTimeout(100);
    expect(await ran()).toEqual([]);
    expect(
      await tab.evaluate(() => ['toString', 'constructor', '__proto__', 'valueOf'].map((id) => window.Consentry!.isGranted(id))),
    ).toEqual([false, false, false, false]);
    expect(await tab.evaluate(() => window.Consentry!.isGranted('analytics'))).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('markup naming what the config does not declare (issue 20)', () => {
  it('stays held, with one warning per name listing what the config declares', async () => {
    await tab.goto(server.origin + '/typos');
    await configured(tab);
    await tab.evaluate(() => window.Consentry!.acceptAll());
    await tab.waitForFunction(() => (window as any).__ran.length >= 2);
    await tab.waitForTimeout(100);
    // A declared service with its category, and essential, run; "gaa" is a typo of "ga": held even under essential.
    expect((await ran()).sort()).toEqual(['analytics+ga', 'essential']);
    expect(await tab.evaluate(() => document.querySelector('img')!.hasAttribute('src'))).toBe(false);
    const ours = warnings.filter((text) => text.startsWith('consentry: no '));
    expect(ours).toEqual([
      'consentry: no category "marketing" in the config (essential, analytics, advertising): tags marked with it stay held',
      'consentry: no service "gaa" in the config (ga): tags marked with it stay held',
    ]);
    expect(errors).toEqual([]);
  });
});

describe('a held embed of an undeclared service', () => {
  it('gets no placeholder (its "Always allow" could never release it), unlike a declared one', async () => {
    await tab.goto(server.origin + '/embeds');
    await configured(tab);
    await tab.waitForSelector('[data-consentry-placeholder]');
    await tab.waitForTimeout(200);
    const placed = await tab.evaluate(() =>
      [...document.querySelectorAll('[data-consentry-placeholder]')].map((box) => box.nextElementSibling?.id),
    );
    expect(placed).toEqual(['known']);
    expect(warnings).toContain('consentry: no service "youtub" in the config (ga): tags marked with it stay held');
  });
});

describe('integrations.dataLayer.name taken by the page (issue 24 #12)', () => {
  it('warns once and configures anyway: the banner shows', async () => {
    await tab.goto(server.origin + '/taken-layer');
    await tab.waitForFunction(() => document.querySelector('consentry-ui')?.shadowRoot?.querySelector('[role=region],[role=dialog]'));
    expect(warnings.filter((text) => text.includes('shopLayer'))).toEqual([
      'consentry: window.shopLayer is not a list: integrations.dataLayer and googleConsentMode are off',
    ]);
    expect(await tab.evaluate(() => (window as any).shopLayer)).toEqual({ version: 2 });
    expect(errors).toEqual([]);
  });
});
