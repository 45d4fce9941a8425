import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSettings } from '../../src/core/config/compiled';
import type { ConsentryConfig } from '../../src/core/config/types';
import { validateConfig } from '../../src/core/config/validate';
import { withCatalogueHosts } from '../../src/node/classify/catalogue-service-hosts';
import { launchChromium, newContext } from './helpers/browser';
import { closeContext } from './helpers/close-context';
import { configured } from './helpers/consentry-ready';
import { startServer, type TestServer } from './helpers/server';
import { standInHost } from './helpers/stand-in-host';
import { GOOGLE_TRANSFER } from '../unit/fixtures/transfer-consent';

// Issue 19 §1 in the built loader: a service that needs a transfer consent, named by its catalogue vendor id
// (google-analytics) and declaring no hosts. Compiled as `consentry build-config --compiled` compiles it, the
// catalogue's hosts are the service's, so a script a page inserts from www.google-analytics.com waits for the
// transfer as well as for analytics. www.google-analytics.com resolves to loopback and every request the
// browser makes for it is counted: nothing leaves the machine.

const GA_HOST = 'www.google-analytics.com';
const CONFIG: ConsentryConfig = {
  revision: 1,
  separateConsents: [GOOGLE_TRANSFER],
  services: [{ id: 'google-analytics', category: 'analytics', separateConsents: ['cross-border'] }],
};
const settings = validateConfig(CONFIG, () => {});
/** What `build-config --compiled` prints (src/node/cli/build-config-command.ts), and what it printed before. */
const compiled = compileSettings(withCatalogueHosts(settings), __VERSION__);
const compiledWithoutCatalogue = compileSettings(settings, __VERSION__);

const page = (config: unknown) => `<!doctype html><html lang="en"><head>
<script src="/dist/consentry.min.js"></script><script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>
</head><body><h1>Shop</h1><script>
const tag = document.createElement('script');
tag.src = 'https://${GA_HOST}/analytics.js';
document.body.append(tag);
</script></body></html>`;

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  browser = await launchChromium({ loopback: [GA_HOST] });
  server = await startServer();
  server.page('/compiled', page(compiled));
  server.page('/compiled-before', page(compiledWithoutCatalogue));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function visit(path: string) {
  const context = await newContext(browser);
  const requested = await standInHost(context, GA_HOST, { contentType: 'text/javascript', body: 'window.__ga = true;' });
  const tab = await context.newPage();
  await tab.goto(server.origin + path);
  await configured(tab);
  const choose = (consents: { [id: string]: boolean }) =>
    tab.evaluate((consents) => window.Consentry!.set({ categories: { analytics: true }, consents }), consents);
  return { context, tab, requested, choose };
}

describe('a catalogue host of a service that needs a transfer consent, compiled', () => {
  it('stays held with analytics granted and the transfer refused, and loads once the transfer is granted', async () => {
    const { context, tab, requested, choose } = await visit('/compiled');
    expect(await tab.evaluate(() => window.Consentry!.settings!.services[0].hosts)).toContain('google-analytics.com');
    await choose({ 'cross-border': false });
    await tab.waitForTimeout(500);
    expect(await tab.evaluate(() => window.Consentry!.get().categories.analytics)).toBe(true);
    expect(requested).toEqual([]);
    await choose({ 'cross-border': true });
    await expect.poll(() => requested.length).toBeGreaterThan(0);
    await expect.poll(() => tab.evaluate(() => (window as any).__ga)).toBe(true);
    await closeContext(context);
  });

  it('(compiled without the catalogue hosts, as before, analytics alone released it)', async () => {
    const { context, requested, choose } = await visit('/compiled-before');
    await choose({ 'cross-border': false });
    await expect.poll(() => requested.length).toBeGreaterThan(0);
    await closeContext(context);
  });
});
