import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntegrationsConfig } from '../../src/core/config/types';
import type { ConsentState } from '../../src/core/policy/types';
import { launchChromium, newContext } from './helpers/browser';
import { buildTestScripts } from './integrations/build';
import { settingsWith, stateWith } from './integrations/fixtures';
import { startServer, type TestServer } from './integrations/server';
import { closeContext } from './helpers/close-context';

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  const scripts = await buildTestScripts();
  server = await startServer();
  for (const [file, code] of Object.entries(scripts)) server.route(`/${file}`, code);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const integrations: IntegrationsConfig = {
  googleConsentMode: {
    enabled: true,
    adsDataRedaction: true,
    urlPassthrough: true,
    regionDefaults: [
      { regions: ['US'], analytics_storage: 'granted' },
      { regions: ['US-CA'], analytics_storage: 'denied' },
    ],
  },
  dataLayer: { enabled: true },
};

/**
 * The page a site would have: consentry first in <head>, then Google's snippet with `config` and an event, the
 * (fake) gtag.js, and an analytics tag held for consent that sends an event when released.
 */
function page(state: ConsentState, region: string) {
  const config = JSON.stringify({ settings: settingsWith(integrations), state });
  return `<!doctype html><html><head>
<script>window.__consentryTestConfig = ${config}; window.__fakeGoogleRegion = ${JSON.stringify(region)};</script>
<script src="/entry.js"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
  gtag('config', 'G-TEST');
</script>
<script src="/fake-gtag.js"></script>
<script>gtag('event', 'page_view_custom');</script>
</head><body>
<script type="text/plain" data-category="analytics">gtag('event', 'after_consent');</script>
</body></html>`;
}

/** The data layer as readable lines: 'consent default [US]', 'config G-TEST', 'consentry_ready', … */
async function dataLayerOf(_url: string, state: ConsentState, region: string, act?: string) {
  const context = await newContext(browser);
  const tab = await context.newPage();
  const path = `/page-${Math.random().toString(36).slice(2)}.html`;
  server.route(path, page(state, region));
  await tab.goto(server.origin + path);
  if (act) await tab.evaluate(act);
  const result = await tab.evaluate(() => {
    const lines = (window as any).dataLayer.map((entry: any) => {
      if (Object.prototype.toString.call(entry) !== '[object Arguments]') return entry.event;
      const [name, first, payload] = [...entry];
      if (name === 'js') return 'js';
      if (name === 'consent') return `consent ${first}${payload.region ? ` [${payload.region}]` : ''}`;
      return `${name} ${first}`;
    });
    const updates = (window as any).dataLayer
      .filter((entry: any) => entry[0] === 'consent' && entry[1] === 'update')
      .map((entry: any) => entry[2]);
    return { lines, updates, google: (window as any).__fakeGoogleLog };
  });
  await closeContext(context);
  return result;
}

const DEFAULTS = ['consent default [US]', 'consent default [US-CA]', 'consent default', 'set ads_data_redaction', 'set url_passthrough'];
const firstMeasurement = (lines: string[]) => lines.findIndex((line) => /^(config|event) /.test(line));

describe('Google Consent Mode command order in Chromium', () => {
  it("no record: defaults, switches, ready event, then the page's measurement; nothing updates", async () => {
    const { lines, google } = await dataLayerOf(server.origin, stateWith(), 'DE');
    expect(lines).toEqual([...DEFAULTS, 'consentry_ready', 'js', 'config G-TEST', 'event page_view_custom']);
    expect(lines.indexOf('consent default')).toBeLessThan(firstMeasurement(lines));
    // What Google applied to the config hit: everything but security/functionality denied.
    expect(google.find((entry: any) => entry.command === 'config G-TEST').consent).toMatchObject({
      analytics_storage: 'denied',
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      security_storage: 'granted',
    });
  });

  it("region defaults: a US-CA visitor gets the subdivision's value, a US-NY visitor the country's", async () => {
    const california = await dataLayerOf(server.origin, stateWith(), 'US-CA');
    const newYork = await dataLayerOf(server.origin, stateWith(), 'US-NY');
    const configHit = (log: any[]) => log.find((entry) => entry.command === 'config G-TEST').consent;
    expect(configHit(california.google).analytics_storage).toBe('denied');
    expect(configHit(newYork.google).analytics_storage).toBe('granted');
  });

  it('stored acceptance: the update follows the defaults before any measurement', async () => {
    const state = stateWith({ record: true, categories: { analytics: true, advertising: true } });
    const { lines, updates, google } = await dataLayerOf(server.origin, state, 'DE');
    expect(lines).toEqual([
      ...DEFAULTS,
      'consent update',
      'consentry_ready',
      'js',
      'config G-TEST',
      'event page_view_custom',
      'event after_consent',
    ]);
    expect(updates).toEqual([expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted' })]);
    expect(google.find((entry: any) => entry.command === 'config G-TEST').consent).toMatchObject({
      analytics_storage: 'granted',
      ad_storage: 'granted',
    });
  });

  it('stored refusal: an update that denies is still sent at once, and the held tag stays held', async () => {
    const state = stateWith({ record: true, categories: { analytics: false, advertising: false } });
    const { lines, updates } = await dataLayerOf(server.origin, state, 'US-NY');
    expect(lines).toEqual([...DEFAULTS, 'consent update', 'consentry_ready', 'js', 'config G-TEST', 'event page_view_custom']);
    // The refusal overrides the US region default that granted analytics.
    expect(updates[0]).toMatchObject({ analytics_storage: 'denied', ad_storage: 'denied' });
  });

  it("choice on the page: the update reaches Google before the released tag's event, then consentry_update", async () => {
    const { lines, google } = await dataLayerOf(
      server.origin,
      stateWith(),
      'DE',
      `window.__consentryTest.decide({ analytics: true, advertising: false })`,
    );
    expect(lines).toEqual([
      ...DEFAULTS,
      'consentry_ready',
      'js',
      'config G-TEST',
      'event page_view_custom',
      'consent update',
      'event after_consent',
      'consentry_update',
    ]);
    const released = google.find((entry: any) => entry.command === 'event after_consent');
    expect(released.consent).toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied' });
    expect(google.find((entry: any) => entry.command === 'config G-TEST').consent.analytics_storage).toBe('denied');
  });
});
