import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';
import { closeContext } from './helpers/close-context';

/*
 * The storage guard against the real libraries of two vendors, PostHog (posthog-js, dist/array.full.js) and
 * Mixpanel (mixpanel-browser, its snippet and dist/mixpanel-with-recorder.js, session recording on), served
 * from loopback, initialised with `persistence` in storage, before the loader's built config is known and with
 * no choice made. The packages are devDependencies (the real-vendor suite, tests/e2e/vendors/, uses them too);
 * skipped where they are not installed. What they store without consentry is asserted too, so a new
 * version that stores elsewhere shows here first.
 */

const require = createRequire(import.meta.url);
const distOf = (name: string) => {
  try {
    return join(dirname(require.resolve(`${name}/package.json`)), 'dist');
  } catch {
    return null;
  }
};
const POSTHOG = distOf('posthog-js');
const MIXPANEL = distOf('mixpanel-browser');
const installed =
  !!POSTHOG && !!MIXPANEL && existsSync(join(POSTHOG, 'array.full.js')) && existsSync(join(MIXPANEL, 'mixpanel-with-recorder.js'));

const VENDORS = `<script src="/posthog.js"></script>
<script>window.MIXPANEL_CUSTOM_LIB_URL = '/mixpanel.js';</script><script src="/mixpanel-snippet.js"></script>
<script>
posthog.init('phc_TOKEN', { api_host: location.origin, persistence: 'localStorage+cookie', autocapture: false, disable_session_recording: true });
posthog.capture('hello');
mixpanel.init('MPTOKEN', { api_host: location.origin, persistence: 'localStorage', record_sessions_percent: 100 });
mixpanel.track('hello');
</script>`;
const LOADER = '<script src="/dist/consentry.min.js"></script><script type="application/json" id="consentry-config">{}</script>';

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  if (!installed) return;
  browser = await launchChromium();
  server = await startServer();
  server.page('/posthog.js', readFileSync(join(POSTHOG!, 'array.full.js'), 'utf8'), 'text/javascript');
  server.page('/mixpanel-snippet.js', readFileSync(join(MIXPANEL!, 'mixpanel-jslib-snippet.min.js'), 'utf8'), 'text/javascript');
  server.page('/mixpanel.js', readFileSync(join(MIXPANEL!, 'mixpanel-with-recorder.js'), 'utf8'), 'text/javascript');
  server.page('/bare', `<!doctype html><html><head>${VENDORS}</head><body>x</body></html>`);
  server.page('/guarded', `<!doctype html><html><head>${LOADER}${VENDORS}</head><body>x</body></html>`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const settle = 3000;

describe.skipIf(!installed)('storage guard with real vendor libraries', () => {
  it('hold every key and database they store, let them work after Accept all, clear them on withdrawal', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const stored = () =>
      page.evaluate(async () => ({
        local: Object.keys(localStorage)
          .filter((key) => !key.startsWith('consentry:'))
          .sort(),
        session: Object.keys(sessionStorage).sort(),
        databases: (await indexedDB.databases()).map((db) => db.name).sort(),
      }));
    const EVERYTHING = {
      local: ['__mpq_MPTOKEN_ev', 'mp_MPTOKEN_mixpanel', 'ph_phc_TOKEN_posthog'],
      session: [
        'mp_gen_new_tab_id_mixpanel_MPTOKEN',
        'mp_tab_id_mixpanel_MPTOKEN',
        'ph_phc_TOKEN_posthog',
        'ph_phc_TOKEN_primary_window_exists',
        'ph_phc_TOKEN_session_registered_properties',
      ],
      databases: ['mixpanelBrowserDb', 'mixpanelFlagsDb'],
    };

    await page.goto(server.origin + '/bare');
    await page.waitForTimeout(settle);
    expect(await stored()).toEqual(EVERYTHING);
    await context.clearCookies();
    await page.evaluate(async () => {
      localStorage.clear();
      sessionStorage.clear();
    });
    await page.close();

    const fresh = await browser.newContext();
    const guarded = await fresh.newPage();
    guarded.on('pageerror', (e) => errors.push(e.message));
    const storedIn = () =>
      guarded.evaluate(async () => ({
        local: Object.keys(localStorage)
          .filter((key) => !key.startsWith('consentry:'))
          .sort(),
        session: Object.keys(sessionStorage).sort(),
        databases: (await indexedDB.databases()).map((db) => db.name).sort(),
      }));
    await guarded.goto(server.origin + '/guarded');
    await guarded.waitForTimeout(settle);
    expect(await storedIn()).toEqual({ local: [], session: [], databases: [] });

    await guarded.evaluate(() => window.Consentry!.acceptAll());
    await guarded.reload();
    await guarded.waitForTimeout(settle);
    expect(await storedIn()).toEqual(EVERYTHING);
    // The same visitor on both pages: their ids were kept, as a granted library keeps them.
    const ids = () => guarded.evaluate(() => [(window as any).posthog.get_distinct_id(), (window as any).mixpanel.get_distinct_id()]);
    const first = await ids();
    await guarded.reload();
    await guarded.waitForTimeout(settle);
    expect(await ids()).toEqual(first);

    await Promise.all([guarded.waitForNavigation(), guarded.evaluate(() => window.Consentry!.rejectAll())]);
    await guarded.waitForTimeout(settle);
    expect(await storedIn()).toEqual({ local: [], session: [], databases: [] });
    // Neither library throws when its storage is refused.
    expect(errors).toEqual([]);
    await closeContext(context);
    await fresh.close();
  }, 60_000);
});
