import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileSettings, hashOf } from '../../src/core/config/compiled';
import { validateConfig } from '../../src/core/config/validate';
import { launchChromium, newContext } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';

// The compiled config (`consentry build-config --compiled`) in the script-tag build: applied without the
// validator file, the banner and the code that records a choice in one request, and refused (every
// non-essential tag held) when it fails the loader's structural check.

const CONFIG = {
  revision: 1,
  ui: { privacyPolicyUrl: '/privacy' },
  services: [{ id: 'tracker', category: 'advertising', hosts: ['tracker.test'] }],
};
const compiled = () =>
  JSON.parse(
    JSON.stringify(
      compileSettings(
        validateConfig(CONFIG, () => {}),
        __VERSION__,
      ),
    ),
  );
const rehashed = (config: any) => ({ ...config, hash: hashOf(JSON.stringify(config.settings)) });

const page = (config: unknown, body = '') => `<!doctype html><html lang="en"><head>
<script src="/dist/consentry.min.js"></script><script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>
<script>window.__ran = [];</script>
<script type="text/plain" data-consent="analytics">window.__ran.push('analytics')</script>
<script type="text/plain" data-consent="advertising">window.__ran.push('advertising')</script>
</head><body><h1>Shop</h1><a href="#" id="settings" data-consent-open>Cookie settings</a>${body}</body></html>`;

let browser: Browser;
let server: TestServer;
let context: BrowserContext;
let tab: Page;
let errors: string[];

const ran = () => tab.evaluate(() => (window as any).__ran as string[]);
const banner = () => tab.locator('consentry-ui [role=region]');
const scripts = () => server.hits.filter((hit) => hit.path.startsWith('/dist/')).map((hit) => hit.path);

beforeAll(async () => {
  browser = await launchChromium();
  server = await startServer();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  await context?.close();
  context = await newContext(browser);
  tab = await context.newPage();
  errors = [];
  tab.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  tab.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
  server.hits.length = 0;
});

describe('a compiled config', () => {
  it('shows the banner with one lazy request (the UI chunk carries the choice code) and never fetches the validator', async () => {
    server.page('/compiled', page(compiled()));
    await tab.goto(server.origin + '/compiled');
    await banner().waitFor();
    expect(await ran()).toEqual([]);
    // Accept all, in the banner: the choice is recorded with the code the UI chunk brought.
    await banner().locator('.acts .btn').first().click();
    await expect.poll(ran).toEqual(['analytics', 'advertising']);
    expect((await context.cookies()).some((cookie) => cookie.name === 'consentry')).toBe(true);
    expect(scripts()).toEqual(['/dist/consentry.min.js', '/dist/consentry-ui.min.js']);
    expect(await tab.evaluate(() => Object.isFrozen(window.Consentry!.settings.categories))).toBe(true);
    expect(errors).toEqual([]);

    // The next page view decides at once from the compiled settings: no lazy file at all.
    server.hits.length = 0;
    await tab.reload();
    expect(await tab.evaluate(() => window.Consentry!.get().status)).toBe('decided');
    expect(await ran()).toEqual(['analytics', 'advertising']);
    expect(scripts()).toEqual(['/dist/consentry.min.js']);
  });

  it('a returning visitor’s withdrawal through the API loads the choice parts alone, not the UI', async () => {
    server.page('/compiled-api', page(compiled()));
    await tab.goto(server.origin + '/compiled-api');
    await banner().waitFor();
    await tab.evaluate(() => window.Consentry!.acceptAll());
    await expect.poll(ran).toEqual(['analytics', 'advertising']);
    await tab.reload();
    expect(await ran()).toEqual(['analytics', 'advertising']);
    server.hits.length = 0;
    await tab.evaluate(() => window.Consentry!.set({ categories: { analytics: true, advertising: false } }));
    await expect.poll(() => tab.evaluate(() => window.Consentry!.get().categories.advertising)).toBe(false);
    // (The withdrawal's clean-up reloads the page, hence the loader again.)
    await expect.poll(scripts).toContain('/dist/consentry-parts.min.js');
    expect(scripts()).not.toContain('/dist/consentry-ui.min.js');
    expect(errors).toEqual([]);
  });

  it('a held embed’s placeholder loads its part alone (the UI chunk does not carry it), beside the banner', async () => {
    server.page(
      '/compiled-embed',
      page(compiled(), '<iframe data-consent="advertising" data-src="/embed.html" width="300" height="150"></iframe>'),
    );
    await tab.goto(server.origin + '/compiled-embed');
    await banner().waitFor();
    await tab.locator('[data-consentry-placeholder] button').first().waitFor();
    expect(scripts().sort()).toEqual(['/dist/consentry-parts.min.js', '/dist/consentry-ui.min.js', '/dist/consentry.min.js']);
    expect(server.hits.some((hit) => hit.path === '/embed.html')).toBe(false);
    expect(errors).toEqual([]);
  });

  it.each([
    [
      'edited after compiling (hash mismatch)',
      () => ({ ...compiled(), settings: { ...compiled().settings, revision: 7 } }),
      /hash does not match/,
    ],
    ['from another release', () => ({ ...compiled(), consentryCompiled: '0.0.1-other' }), /compiled by release 0\.0\.1-other/],
    [
      'with a part missing (hash made to match)',
      () => rehashed({ ...compiled(), settings: { ...compiled().settings, blocking: undefined } }),
      /settings incomplete/,
    ],
  ])('is refused when %s: one error, no banner, every non-essential tag held', async (_name, config, message) => {
    server.page('/refused', page(config()));
    await tab.goto(server.origin + '/refused');
    await expect.poll(() => errors.length).toBe(1);
    expect(errors[0]).toMatch(message);
    expect(errors[0]).toMatch(/refused.*tags stay held.*build-config --compiled/);
    const shown = await tab.evaluate(() => {
      window.Consentry!.acceptAll();
      return window.Consentry!.showPreferences().then(
        () => 'shown',
        (error: Error) => error.message,
      );
    });
    expect(shown).toMatch(/compiled config refused/);
    await tab.waitForTimeout(300);
    expect(await ran()).toEqual([]);
    expect(await tab.evaluate(() => window.Consentry!.get().status)).toBe('pending');
    expect(await tab.evaluate(() => !!document.querySelector('consentry-ui'))).toBe(false);
    // Nothing was fetched to check it: the validator is not a fallback for a compiled config.
    expect(scripts()).toEqual(['/dist/consentry.min.js']);
  });
});
