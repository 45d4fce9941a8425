import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, newTab } from './helpers/browser';
import { closeContext } from './helpers/close-context';
import { listenToConsole } from './helpers/console-log';
import { startServer, type TestServer } from './helpers/server';

/*
 * The storage guard in the built loader (dist/consentry.min.js): an inline script that, before any choice,
 * writes well-known vendor keys (PostHog's to localStorage, Mixpanel's to sessionStorage), a key the config
 * declares, one by property assignment, and opens Mixpanel's IndexedDB database and a declared one the way
 * libraries do (creating a store in `upgradeneeded`, keeping the connection open, closing it on `versionchange`).
 * The config is not known yet when that script runs (first visit: the validator is fetched), so the declared
 * names are swept once it is, while the table's are held from the first line.
 */

const CONFIG = {
  services: [
    {
      id: 'own-replay',
      category: 'analytics',
      name: 'Replay',
      storage: [{ key: 'rec_*' }, { key: 'tab_', prefix: true, type: 'session' }, { key: 'recDb', type: 'indexeddb' }],
    },
  ],
};

const WRITES = `<script>
window.__log = [];
window.openDb = function (name) {
  return new Promise(function (settle) {
    var request = indexedDB.open(name, 1);
    request.onupgradeneeded = function () { request.result.createObjectStore('events'); __log.push(name + ':upgrade'); };
    request.onsuccess = function () {
      // As Dexie does by default: let go when another context deletes or upgrades the database.
      request.result.onversionchange = function () { request.result.close(); };
      __log.push(name + ':success');
      settle();
    };
    request.onerror = function () { __log.push(name + ':error ' + (request.error && request.error.name)); settle(); };
  });
};
window.writeAll = function () {
  localStorage.setItem('ph_phc_x_posthog', '{"distinct_id":"x"}');
  sessionStorage.setItem('mp_tab_id_mixpanel_x', '1');
  localStorage.setItem('rec_1', '1');
  localStorage.setItem('site_cart', '3 items');
  localStorage['mp_x_mixpanel'] = '1';
  return Promise.all([openDb('mixpanelBrowserDb'), openDb('recDb'), openDb('siteDb')]);
};
window.__written = writeAll();
</script>`;

const page = (config: object) => `<!doctype html><html lang="en"><head>
<script src="/dist/consentry.min.js"></script><script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>
${WRITES}</head><body><h1>Shop</h1></body></html>`;

let browser: Browser;
let server: TestServer;
let context: BrowserContext;
let tab: Page;
let errors: string[];

const stored = (p: Page = tab) =>
  p.evaluate(async () => {
    await (window as any).__written;
    return {
      local: Object.keys(localStorage)
        .filter((key) => !key.startsWith('consentry:'))
        .sort(),
      session: Object.keys(sessionStorage).sort(),
      databases: (await indexedDB.databases()).map((db) => db.name).sort(),
    };
  });
const NOTHING_HELD = { local: ['site_cart'], session: [], databases: ['siteDb'] };
const EVERYTHING = {
  local: ['mp_x_mixpanel', 'ph_phc_x_posthog', 'rec_1', 'site_cart'],
  session: ['mp_tab_id_mixpanel_x'],
  databases: ['mixpanelBrowserDb', 'recDb', 'siteDb'],
};

beforeAll(async () => {
  browser = await launchChromium();
  server = await startServer();
  server.page('/shop', page(CONFIG));
  server.page('/shop-no-reload', page({ ...CONFIG, blocking: { reloadOnWithdraw: false } }));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  await closeContext(context);
  ({ context, tab } = await newTab(browser));
  ({ errors } = listenToConsole(tab, { resourceErrors: false }));
});

describe('storage guard (built loader)', () => {
  it('before any choice: no vendor or declared key, no vendor or declared database; the site’s own pass', async () => {
    await tab.goto(server.origin + '/shop');
    await expect.poll(() => stored()).toEqual(NOTHING_HELD);
    // A held open fails like a failed open: the page's error handler runs, its upgrade handler never does.
    // The declared database, opened before the config gave its name a meaning, was made and is deleted since.
    expect(await tab.evaluate(() => (window as any).__log.sort())).toEqual([
      'mixpanelBrowserDb:error AbortError',
      'recDb:success',
      'recDb:upgrade',
      'siteDb:success',
      'siteDb:upgrade',
    ]);
    expect(errors).toEqual([]);
  });

  it('after Accept all the same writes are stored, and again on the next page; after withdrawal they are removed and the databases deleted', async () => {
    await tab.goto(server.origin + '/shop');
    await expect.poll(() => stored()).toEqual(NOTHING_HELD);
    await tab.evaluate(() => window.Consentry!.acceptAll());
    await tab.evaluate(() => ((window as any).__written = (window as any).writeAll()));
    expect(await stored()).toEqual(EVERYTHING);

    await tab.reload();
    expect(await stored()).toEqual(EVERYTHING);
    expect(await tab.evaluate(() => (window as any).__log.sort())).toEqual([
      'mixpanelBrowserDb:success',
      'recDb:success',
      'siteDb:success',
    ]);

    // The page holds its databases open; the withdrawal's reload lets go of them, so the deletions complete.
    await Promise.all([tab.waitForNavigation(), tab.evaluate(() => window.Consentry!.rejectAll())]);
    // The reloaded page assigns `mp_x_mixpanel` again after its config is known (cached settings are known at
    // once): the limit of property assignment, swept when the page is hidden (last test).
    const { local, ...rest } = await stored();
    expect({ local: local.filter((key) => key != 'mp_x_mixpanel'), ...rest }).toEqual(NOTHING_HELD);
    expect(errors).toEqual([]);
  });

  it('without a reload, withdrawal removes the keys and deletes the databases at once, and refuses them from then on', async () => {
    await tab.goto(server.origin + '/shop-no-reload');
    await tab.evaluate(() => window.Consentry!.acceptAll());
    await tab.evaluate(() => ((window as any).__written = (window as any).writeAll()));
    expect(await stored()).toEqual(EVERYTHING);
    await tab.evaluate(() => window.Consentry!.rejectAll());
    // The clean-up deletes the databases: the page lets go of them on `versionchange`.
    await expect.poll(() => stored()).toEqual(NOTHING_HELD);
    const log = await tab.evaluate(async () => {
      (window as any).__log = [];
      await (window as any).openDb('mixpanelBrowserDb');
      localStorage.setItem('ph_phc_x_posthog', 'again');
      // Declared for sessionStorage only: the same key in localStorage is not the service's.
      sessionStorage.setItem('tab_1', 'x');
      localStorage.setItem('tab_1', 'x');
      return [
        ...(window as any).__log,
        localStorage.getItem('ph_phc_x_posthog'),
        sessionStorage.getItem('tab_1'),
        localStorage.getItem('tab_1'),
      ];
    });
    expect(log).toEqual(['mixpanelBrowserDb:error AbortError', null, null, 'x']);
  });

  it('a key written by property assignment (no setItem to intercept) is swept when the page is hidden', async () => {
    await tab.goto(server.origin + '/shop-no-reload');
    await expect.poll(() => stored()).toEqual(NOTHING_HELD);
    await tab.evaluate(() => (localStorage.ph_later_posthog = '1'));
    expect((await stored()).local).toContain('ph_later_posthog');
    // Left for a page without the loader: what is stored there is what the pagehide sweep left.
    await tab.goto(server.origin + '/dist/consentry.schema.json');
    expect(
      await tab.evaluate(() =>
        Object.keys(localStorage)
          .filter((key) => !key.startsWith('consentry:'))
          .sort(),
      ),
    ).toEqual(['site_cart']);
  });
});
