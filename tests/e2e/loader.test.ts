import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeRecord } from '../../src/core/policy/record';
import { launchChromium, newTab } from './helpers/browser';
import { closeContext } from './helpers/close-context';
import { listenToConsole } from './helpers/console-log';
import { startServer, type TestServer } from './helpers/server';

// The script-tag build end to end: how it boots, what it decides, and what it does when things break.

const CONFIG = {
  revision: 2,
  ui: { privacyPolicyUrl: '/privacy' },
  regions: { rules: [{ regions: ['US-CA'], regime: 'opt-out' }] },
  receipts: { endpoint: '/receipts' },
};

const page = (head: string, body = '') => `<!doctype html><html lang="en"><head>${head}
<script>window.__ran = [];</script>
<script type="text/plain" data-consent="analytics">window.__ran.push('analytics')</script>
<script type="text/plain" data-consent="advertising">window.__ran.push('advertising')</script>
</head><body><h1>Shop</h1><a href="#" id="settings" data-consent-open>Cookie settings</a>${body}</body></html>`;
const inline = (config: unknown) =>
  `<script src="/dist/consentry.min.js"></script><script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>`;

let browser: Browser;
let server: TestServer;
let context: BrowserContext;
let tab: Page;
let errors: string[];

const ran = (p: Page = tab) => p.evaluate(() => (window as any).__ran as string[]);
const BANNER = () => document.querySelector('consentry-ui')?.shadowRoot?.querySelector('[role=region],[role=dialog]');
const bannerShown = (p: Page = tab) =>
  p.evaluate(() => !!document.querySelector('consentry-ui')?.shadowRoot?.querySelector('[role=region],[role=dialog]'));
const state = (p: Page = tab) => p.evaluate(() => window.Consentry!.get());
const consentCookie = async () => (await context.cookies()).find((c) => c.name === 'consentry');
const record = (overrides: object = {}) =>
  encodeRecord({
    id: 'visitor-0001',
    time: Date.now() - 1000,
    revision: 2,
    categories: { analytics: true, advertising: false },
    services: {},
    method: 'custom',
    expires: Date.now() + 864e5,
    ...overrides,
  });

beforeAll(async () => {
  browser = await launchChromium();
  server = await startServer();
  server.page('/inline', page(inline(CONFIG)));
  server.page('/fetched', page('<script src="/dist/consentry.min.js" data-config="/consent.json"></script>'));
  server.page('/consent.json', JSON.stringify(CONFIG), 'application/json');
  server.route('/receipts', (_req, res) => void res.writeHead(204).end());
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  await closeContext(context);
  ({ context, tab } = await newTab(browser));
  // The browser's own "Failed to load resource" line is not ours to count.
  ({ errors } = listenToConsole(tab, { resourceErrors: false }));
});

describe.each(['/inline', '/fetched'])('script tag with config from %s', (path) => {
  it('runs nothing before a choice and shows the banner', async () => {
    await tab.goto(server.origin + path);
    await tab.waitForFunction(BANNER);
    expect(await ran()).toEqual([]);
    expect(await state()).toMatchObject({ status: 'pending', categories: { essential: true, analytics: false, advertising: false } });
    expect(await consentCookie()).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('runs what was granted at once, and again on the next visit without a banner', async () => {
    await tab.goto(server.origin + path);
    // Configured (settings known), not merely booted: the status is 'pending' before any config too.
    await tab.waitForFunction(() => window.Consentry?.settings && window.Consentry.get().status === 'pending');
    await tab.evaluate(() => window.Consentry!.set({ categories: { analytics: true } }));
    expect(await ran()).toEqual(['analytics']);
    const cookie = await consentCookie();
    expect(cookie).toMatchObject({ sameSite: 'Lax', path: '/' });
    expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000 + 180 * 86400);
    await tab.reload();
    await tab.waitForFunction(() => window.Consentry?.get().status === 'decided');
    expect(await ran()).toEqual(['analytics']);
    expect(await bannerShown()).toBe(false);
  });
});

describe('invalid or missing config', () => {
  it('prints one readable error naming every problem and keeps blocking', async () => {
    server.page('/invalid', page(inline({ revision: -1, categories: [{ id: 'Analytics' }], cookie: { expiresDays: 9999 } })));
    await tab.goto(server.origin + '/invalid');
    await tab.waitForFunction(() => window.Consentry);
    await tab.waitForTimeout(100);
    expect(errors, errors.join('\n')).toHaveLength(1);
    expect(errors[0]).toMatch(/revision/);
    expect(errors[0]).toMatch(/categories\[0\]\.id/);
    expect(errors[0]).toMatch(/cookie\.expiresDays/);
    await tab.evaluate(() => window.Consentry!.acceptAll());
    expect(await ran()).toEqual([]);
    expect(await bannerShown()).toBe(false);
  });

  it.each([
    ['a 404', (s: TestServer) => s.route('/broken.json', (_q, r) => void r.writeHead(404).end())],
    ['invalid JSON', (s: TestServer) => s.page('/broken.json', '{"revision": 1,', 'application/json')],
  ])('survives %s from the config URL', async (_, arrange) => {
    arrange(server);
    server.page('/broken', page('<script src="/dist/consentry.min.js" data-config="/broken.json"></script>'));
    await tab.goto(server.origin + '/broken');
    await tab.waitForFunction(() => window.Consentry);
    await expect.poll(() => errors.length).toBeGreaterThan(0);
    await tab.waitForTimeout(100);
    expect(errors, errors.join('\n')).toHaveLength(1);
    expect(errors[0]).toMatch(/consentry/i);
    expect(await ran()).toEqual([]);
  });
});

describe('records', () => {
  it('treats a corrupt consent cookie as no consent', async () => {
    await context.addCookies([{ name: 'consentry', value: '1|%%garbage|||', url: server.origin }]);
    await tab.goto(server.origin + '/inline');
    await tab.waitForFunction(BANNER);
    expect(await ran()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('asks again after a material change (revision bump)', async () => {
    await context.addCookies([{ name: 'consentry', value: record({ revision: 1 }), url: server.origin }]);
    await tab.goto(server.origin + '/inline');
    await tab.waitForFunction(BANNER);
    expect(await ran()).toEqual([]);
  });

  it('asks again once the record expired', async () => {
    await context.addCookies([{ name: 'consentry', value: record({ expires: Date.now() - 1 }), url: server.origin }]);
    await tab.goto(server.origin + '/inline');
    await tab.waitForFunction(BANNER);
    expect(await ran()).toEqual([]);
  });

  it('honours a valid record', async () => {
    await context.addCookies([{ name: 'consentry', value: record(), url: server.origin }]);
    await tab.goto(server.origin + '/inline');
    await tab.waitForFunction(() => window.Consentry?.get().status === 'decided');
    expect(await ran()).toEqual(['analytics']);
  });
});

describe('regimes and signals', () => {
  it('opt-out region with GPC: advertising refused without any click', async () => {
    server.page('/california', page('<meta name="consentry-region" content="US-CA">' + inline(CONFIG)));
    await tab.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    await tab.goto(server.origin + '/california');
    await tab.waitForFunction(() => window.Consentry?.get());
    expect(await ran()).toEqual(['analytics']);
    expect(await state()).toMatchObject({ regime: 'opt-out', gpc: true, categories: { advertising: false } });
  });
});

describe('across tabs', () => {
  it('a choice in one tab applies in the other without reload', async () => {
    await tab.goto(server.origin + '/inline');
    const other = await context.newPage();
    await other.goto(server.origin + '/inline');
    await other.waitForFunction(() => window.Consentry?.get());
    await tab.waitForFunction(() => window.Consentry?.get());
    await tab.evaluate(() => window.Consentry!.acceptAll());
    await other.waitForFunction(() => (window as any).__ran.length === 2);
    expect(await ran(other)).toEqual(['analytics', 'advertising']);
    expect(await bannerShown(other)).toBe(false);
  });
});

describe('receipts', () => {
  it('reach the endpoint, and are retried on the next page after going offline', async () => {
    await tab.goto(server.origin + '/inline');
    await tab.waitForFunction(() => window.Consentry?.get());
    const before = server.hits.filter((h) => h.path === '/receipts').length;
    await tab.evaluate(() => window.Consentry!.rejectAll());
    await expect.poll(() => server.hits.filter((h) => h.path === '/receipts').length).toBe(before + 1);
    const receipt = JSON.parse(server.hits.filter((h) => h.path === '/receipts').at(-1)!.body);
    expect(receipt).toMatchObject({ method: 'reject-all', revision: 2, categories: { analytics: false, advertising: false } });
    expect(receipt.consentId).toMatch(/^[\w-]{22}$/);

    await context.setOffline(true);
    await tab.evaluate(() => window.Consentry!.acceptAll());
    await tab.waitForTimeout(200);
    expect(server.hits.filter((h) => h.path === '/receipts').length).toBe(before + 1);
    expect(await tab.evaluate(() => JSON.parse(localStorage.getItem('consentry:receipts') || '[]').length)).toBe(1);
    await context.setOffline(false);
    await tab.reload();
    await expect.poll(() => server.hits.filter((h) => h.path === '/receipts').length).toBe(before + 2);
    expect(JSON.parse(server.hits.filter((h) => h.path === '/receipts').at(-1)!.body).method).toBe('accept-all');
  });
});

describe('hostile environments', () => {
  it('loaded twice on one page: a single instance', async () => {
    server.page('/twice', page(inline(CONFIG) + '<script src="/dist/consentry.min.js"></script>'));
    await tab.goto(server.origin + '/twice');
    await tab.waitForFunction(BANNER);
    await tab.evaluate(() => window.Consentry!.acceptAll());
    expect(await ran()).toEqual(['analytics', 'advertising']);
    expect(await tab.evaluate(() => document.querySelectorAll('consentry-ui').length)).toBe(1);
  });

  it('cookies and localStorage disabled: the choice holds for the page, nothing throws', async () => {
    await tab.addInitScript(() => {
      Object.defineProperty(Document.prototype, 'cookie', {
        get: () => {
          throw new DOMException('denied', 'SecurityError');
        },
        set: () => {
          throw new DOMException('denied', 'SecurityError');
        },
      });
      Storage.prototype.setItem = () => {
        throw new DOMException('quota', 'QuotaExceededError');
      };
    });
    await tab.goto(server.origin + '/inline');
    await tab.waitForFunction(() => window.Consentry?.get());
    await tab.evaluate(() => window.Consentry!.set({ categories: { advertising: true } }));
    expect(await ran()).toEqual(['advertising']);
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });

  it('works inside a sandboxed iframe without same-origin access', async () => {
    server.page('/frame', `<!doctype html><iframe sandbox="allow-scripts" src="/inline" width="800" height="600"></iframe>`);
    await tab.goto(server.origin + '/frame');
    const frame = tab.frames()[1];
    await frame.waitForFunction(() => (window as any).Consentry?.get());
    await frame.evaluate(() => (window as any).Consentry.acceptAll());
    expect(await frame.evaluate(() => (window as any).__ran)).toEqual(['analytics', 'advertising']);
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });

  it('data-consent-open opens the preferences', async () => {
    await tab.goto(server.origin + '/inline');
    await tab.waitForFunction(() => window.Consentry?.get());
    await tab.click('#settings');
    await tab.waitForFunction(() => document.querySelector('consentry-ui')?.shadowRoot?.querySelector('[role="dialog"]'));
  });

  it('data-consent-open="limit-sensitive" opens the limit view, whose button refuses `optOut.sensitive` only, recorded as such (issue 19 §4)', async () => {
    const config = {
      ...CONFIG,
      categories: [{ id: 'health', title: 'Health', description: 'Symptom checker' }],
      optOut: { sensitive: ['health'] },
      regions: { ...CONFIG.regions, source: 'US-CA' },
      ui: { ...CONFIG.ui, floatingButton: false },
    };
    server.page(
      '/limit',
      page(
        inline(config),
        '<a href="#" id="limit" data-consent-open="limit-sensitive">Limit</a><script type="text/plain" data-consent="health">window.__ran.push("health")</script>',
      ),
    );
    await tab.goto(server.origin + '/limit');
    await tab.waitForFunction(() => (window as any).__ran.length === 3);
    await tab.click('#limit');
    const ui = tab.locator('consentry-ui');
    const view = ui.getByRole('dialog', { name: 'Limit the Use of My Sensitive Personal Information' });
    await view.waitFor();
    expect(await ui.getByRole('dialog', { name: 'Privacy preferences' }).count()).toBe(0);
    await view.getByRole('button', { name: 'Limit the use' }).click();
    await tab.waitForFunction(() => window.Consentry?.get().record?.method === 'limit-sensitive');
    expect((await state()).record).toMatchObject({
      via: 'opt-out-link',
      region: 'US-CA',
      categories: { analytics: true, advertising: true, health: false },
    });
    // The cookie holds it: a new page view decides the same, with no banner.
    await tab.reload();
    await tab.waitForFunction(() => window.Consentry?.get().record);
    expect(await state()).toMatchObject({
      needsBanner: false,
      categories: { analytics: true, advertising: true, health: false },
      record: { method: 'limit-sensitive', via: 'opt-out-link' },
    });
    expect((await ran()).sort()).toEqual(['advertising', 'analytics']);
  });
});

describe('placeholders', () => {
  it('a held video embed shows a placeholder; "Always allow" grants its category and loads it', async () => {
    server.page(
      '/embed',
      page(
        inline(CONFIG),
        '<iframe id="video" data-consent="advertising" data-src="/video-frame" width="560" height="315" title="Video"></iframe>',
      ),
    );
    server.page('/video-frame', '<!doctype html><p>video</p>');
    await context.addCookies([{ name: 'consentry', value: record(), url: server.origin }]);
    await tab.goto(server.origin + '/embed');
    const placeholder = tab.locator('[data-consentry-placeholder="advertising"]');
    await placeholder.waitFor();
    const box = await placeholder.boundingBox();
    expect(Math.round(box!.width)).toBe(560);
    expect(Math.round(box!.height)).toBe(315);
    expect(server.hits.some((h) => h.path === '/video-frame')).toBe(false);
    await placeholder.getByRole('button', { name: /always allow/i }).click();
    await expect.poll(() => server.hits.some((h) => h.path === '/video-frame')).toBe(true);
    expect(await state()).toMatchObject({ categories: { analytics: true, advertising: true } });
    expect(await tab.locator('[data-consentry-placeholder]').count()).toBe(0);
  });

  it('a German visitor’s placeholder speaks German (page texts from the pack); "Load once" loads just this embed', async () => {
    const german = page(
      inline(CONFIG),
      '<iframe id="map" data-consent="advertising" data-src="/map-frame" width="400" height="300" title="Karte"></iframe>',
    ).replace('<html lang="en">', '<html lang="de">');
    server.page('/embed-de', german);
    server.page('/map-frame', '<!doctype html><p>map</p>');
    await context.addCookies([{ name: 'consentry', value: record(), url: server.origin }]);
    await tab.goto(server.origin + '/embed-de');
    const placeholder = tab.locator('[data-consentry-placeholder="advertising"]');
    await placeholder.waitFor();
    expect(await placeholder.textContent()).toContain('ist blockiert, bis Sie');
    expect(server.hits.some((h) => h.path === '/dist/i18n/de.min.js')).toBe(true);
    await placeholder.getByRole('button', { name: 'Einmal laden' }).click();
    await expect.poll(() => server.hits.some((h) => h.path === '/map-frame')).toBe(true);
    expect(await state()).toMatchObject({ categories: { advertising: false } });
    expect(errors).toEqual([]);
  });
});

describe('page texts in a pack language', () => {
  it('the reopen button speaks German on the next page without fetching the pack again', async () => {
    server.page('/de-reopen', page(inline(CONFIG)).replace('<html lang="en">', '<html lang="de">'));
    const packRequests = () => server.hits.filter((h) => h.path === '/dist/i18n/de.min.js').length;
    const before = packRequests();
    await tab.goto(server.origin + '/de-reopen');
    await tab.waitForFunction(BANNER);
    expect(packRequests()).toBe(before + 1);
    await tab.evaluate(() => window.Consentry!.rejectAll());
    await tab.reload();
    const button = tab.locator('[data-consentry-reopen]');
    await button.waitFor();
    expect(await button.getAttribute('aria-label')).toBe('Cookie-Einstellungen');
    expect(packRequests()).toBe(before + 1);
    expect(errors).toEqual([]);
  });
});

describe('Google Consent Mode and tag-manager events from the script-tag build', () => {
  const GCM_CONFIG = {
    ...CONFIG,
    integrations: { googleConsentMode: { enabled: true, waitForUpdate: 500 }, dataLayer: { enabled: true } },
  };
  const gtagPage = page(
    inline(GCM_CONFIG) +
      `<script>window.dataLayer = window.dataLayer || []; function gtag(){ dataLayer.push(arguments); } gtag('js', 0); gtag('config', 'G-TEST');</script>`,
  );
  const entries = () =>
    tab.evaluate(() =>
      (window as any).dataLayer.map((entry: any) =>
        entry && typeof entry === 'object' && 'length' in entry ? Array.from(entry).slice(0, 2).join(' ') : 'event ' + entry.event,
      ),
    );

  it('the consent default precedes the page’s own gtag commands; a choice sends an update and an event', async () => {
    server.page('/gtag', gtagPage);
    await tab.goto(server.origin + '/gtag');
    // Configured (settings known), not merely booted: the status is 'pending' before any config too.
    await tab.waitForFunction(() => window.Consentry?.settings && window.Consentry.get().status === 'pending');
    const before = await entries();
    expect(before.indexOf('consent default')).toBeGreaterThanOrEqual(0);
    expect(before.indexOf('consent default')).toBeLessThan(before.indexOf('config G-TEST'));
    expect(before, before.join(', ')).not.toContain('consent update');
    expect(before).toContain('event consentry_ready');
    const defaults = await tab.evaluate(
      () => Array.from((window as any).dataLayer.find((e: any) => e[0] === 'consent' && e[1] === 'default'))[2],
    );
    expect(defaults).toMatchObject({
      ad_storage: 'denied',
      analytics_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      security_storage: 'granted',
      wait_for_update: 500,
    });
    await tab.evaluate(() => window.Consentry!.set({ categories: { analytics: true } }));
    const after = await entries();
    expect(after.slice(before.length)).toEqual(expect.arrayContaining(['consent update', 'event consentry_update']));
    const update = await tab.evaluate(
      () => Array.from((window as any).dataLayer.filter((e: any) => e[0] === 'consent' && e[1] === 'update').at(-1))[2],
    );
    expect(update).toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied' });
  });

  it('a returning visitor’s stored choice is sent as an update right after the default, before the page’s config', async () => {
    server.page('/gtag', gtagPage);
    await context.addCookies([{ name: 'consentry', value: record(), url: server.origin }]);
    await tab.goto(server.origin + '/gtag');
    await tab.waitForFunction(() => window.Consentry?.get().status === 'decided');
    const list = await entries();
    expect(list.indexOf('consent default')).toBeLessThan(list.indexOf('consent update'));
    expect(list.indexOf('consent update')).toBeLessThan(list.indexOf('config G-TEST'));
  });
});

describe('Trusted Types with a configured policy name', () => {
  it('activates gated scripts and loads the UI through the named policy, with no violation', async () => {
    const html = page(inline({ ...CONFIG, blocking: { trustedTypesPolicy: 'shop-consent' } }), '<p>tt</p>');
    server.route('/tt', (_req, res) => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "require-trusted-types-for 'script'; trusted-types shop-consent",
      });
      res.end(html);
    });
    await tab.addInitScript(() => {
      (window as any).__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(e.violatedDirective));
    });
    await tab.goto(server.origin + '/tt');
    await tab.waitForFunction(BANNER);
    await tab.evaluate(() => window.Consentry!.acceptAll());
    expect(await ran()).toEqual(['analytics', 'advertising']);
    expect(await tab.evaluate(() => (window as any).__violations)).toEqual([]);
  });
});

describe('validated settings cached for returning visitors', () => {
  const partsRequests = () => server.hits.filter((h) => h.path === '/dist/consentry-parts.min.js').length;
  const cached = () => tab.evaluate(() => localStorage.getItem('consentry:settings'));

  it('validates once; the next page view decides synchronously without the validator file', async () => {
    server.page('/cache-a', page(inline({ ...CONFIG, cookie: { name: 'cache_a' } })));
    const before = partsRequests();
    await tab.goto(server.origin + '/cache-a');
    await tab.waitForFunction(BANNER);
    expect(partsRequests()).toBe(before + 1);
    await tab.evaluate(() => window.Consentry!.set({ categories: { analytics: true } }));
    expect(await cached()).toContain('"cache_a"');

    await tab.reload();
    // Decided while the page was still being parsed: the gated script ran before the load event.
    expect(await tab.evaluate(() => window.Consentry!.get().status)).toBe('decided');
    expect(await ran()).toEqual(['analytics']);
    expect(partsRequests()).toBe(before + 1);
    expect(await tab.evaluate(() => Object.isFrozen(window.Consentry!.settings.categories))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('a changed config, a corrupt entry or another version validate again; an invalid config is never cached', async () => {
    server.page('/cache-b', page(inline({ ...CONFIG, cookie: { name: 'cache_b' } })));
    server.page('/cache-c', page(inline({ ...CONFIG, cookie: { name: 'cache_b' }, revision: 3 })));
    server.page('/cache-bad', page(inline({ ...CONFIG, revision: 'three' })));
    const before = partsRequests();
    await tab.goto(server.origin + '/cache-b');
    // Configured (settings known), not merely booted: the status is 'pending' before any config too.
    await tab.waitForFunction(() => window.Consentry?.settings && window.Consentry.get().status === 'pending');
    await tab.goto(server.origin + '/cache-c');
    await tab.waitForFunction(() => window.Consentry?.settings?.revision === 3);
    // Nothing of the SDK's own is stored before the visitor chose (issue 19 §7).
    expect((await cached()) || '').not.toContain('"revision":3');
    await tab.evaluate(() => window.Consentry!.rejectAll());
    expect(await cached()).toContain('"revision":3');
    for (const entry of ['{"broken', '["0.0.0-other","x",{}]', JSON.stringify(['tampered'])]) {
      await tab.evaluate((value) => localStorage.setItem('consentry:settings', value), entry);
      await tab.reload();
      await tab.waitForFunction(() => window.Consentry?.settings?.revision === 3);
    }
    // Each of the five page views above fetched the validator (the test server forbids caching it).
    expect(partsRequests() - before).toBe(5);
    expect(await cached()).toContain('"revision":3');

    await tab.goto(server.origin + '/cache-bad');
    await expect.poll(() => errors.length).toBe(1);
    expect(errors[0]).toMatch(/revision/);
    expect(await cached()).toContain('"revision":3');
    expect(await tab.evaluate(() => window.Consentry!.get().status)).toBe('pending');
    expect(await ran()).toEqual([]);
  });
});

describe("the SDK's own storage before consent (issue 19 §7)", () => {
  const keys = () =>
    tab.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('consentry:'))
        .sort(),
    );

  it('a first visit writes nothing to localStorage until the visitor chooses; then the settings and page texts', async () => {
    server.page('/own-storage', page(inline({ ...CONFIG, language: 'de', cookie: { name: 'own_storage' } })));
    await tab.goto(server.origin + '/own-storage');
    await tab.evaluate(() => localStorage.clear());
    await tab.reload();
    await tab.waitForFunction(BANNER);
    // The German pack has loaded (the banner speaks it), and its page texts are not kept yet.
    await tab.waitForFunction(() => document.querySelector('consentry-ui')?.shadowRoot?.textContent?.includes('Alle akzeptieren'));
    expect(await keys()).toEqual([]);
    await tab.evaluate(() => window.Consentry!.rejectAll());
    expect(await keys()).toEqual(['consentry:settings', 'consentry:texts']);
    expect(await tab.evaluate(() => JSON.parse(localStorage.getItem('consentry:texts')!)[0])).toBe('de');
  });
});

describe('while a first visit’s config is being validated', () => {
  // The validator file is slow to come: meanwhile the page goes on parsing.
  const slowParts = () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.route('/dist/consentry-parts.min.js', async (_req, _res) => {
      await gate;
      return false;
    });
    return release;
  };
  const other = () => server.origin.replace('127.0.0.1', 'localhost');

  it('tags the config does not name run at once and in order; what its rules or the table name waits', async () => {
    const release = slowParts();
    server.page('/lib.js', 'window.__ran.push("lib"); window.lib = true;', 'text/javascript');
    server.page('/ads-lib.js', 'window.__ran.push("ads-lib")', 'text/javascript');
    server.page('/essential-lib.js', 'window.__ran.push("essential-lib")', 'text/javascript');
    const config = {
      ...CONFIG,
      blocking: {
        rules: [
          { match: other() + '/ads-lib.js', category: 'advertising' },
          { match: other() + '/essential-lib.js', category: 'essential' },
        ],
      },
    };
    await context.route('https://www.google-analytics.com/**', (route) =>
      route.fulfill({ body: 'window.__ran.push("ga")', contentType: 'text/javascript' }),
    );
    server.page(
      '/provisional',
      page(
        inline(config),
        `<script src="${other()}/lib.js"></script><script>window.__ran.push(window.lib ? "uses-lib" : "lib-missing")</script>` +
          `<script src="${other()}/ads-lib.js"></script><script src="${other()}/essential-lib.js"></script>` +
          `<script src="https://www.google-analytics.com/analytics.js"></script>`,
      ),
    );
    await tab.goto(server.origin + '/provisional', { waitUntil: 'domcontentloaded' });
    expect(await tab.evaluate(() => window.Consentry!.settings)).toBeNull();
    expect(await ran()).toEqual(['lib', 'uses-lib', 'essential-lib']);
    release();
    await tab.waitForFunction(BANNER);
    await tab.waitForTimeout(200);
    expect(await ran()).toEqual(['lib', 'uses-lib', 'essential-lib']);
    await tab.evaluate(() => window.Consentry!.acceptAll());
    await expect.poll(() => ran()).toEqual(['lib', 'uses-lib', 'essential-lib', 'analytics', 'advertising', 'ads-lib', 'ga']);
    expect(errors).toEqual([]);
  });

  it('a visitor who never chose gets the banner chunk and their pack beside the validator; a returning one gets neither', async () => {
    const requested = (file: string) => server.hits.filter((h) => h.path === '/dist/' + file).length;
    const release = slowParts();
    server.page('/first-de', page(inline({ ...CONFIG, language: 'de', cookie: { name: 'early_ui' } })));
    const before = { ui: requested('consentry-ui.min.js'), de: requested('i18n/de.min.js') };
    await tab.goto(server.origin + '/first-de', { waitUntil: 'domcontentloaded' });
    // Requested while the validator is still held back by the server.
    await expect.poll(() => requested('consentry-ui.min.js')).toBe(before.ui + 1);
    await expect.poll(() => requested('i18n/de.min.js')).toBe(before.de + 1);
    expect(await tab.evaluate(() => window.Consentry!.settings)).toBeNull();
    release();
    await tab.waitForFunction(BANNER);
    // Shown from the early requests: no second fetch of either file.
    expect(await tab.evaluate(() => document.querySelector('consentry-ui')!.shadowRoot!.textContent)).toMatch(/Alle akzeptieren/);
    expect(requested('consentry-ui.min.js')).toBe(before.ui + 1);
    expect(requested('i18n/de.min.js')).toBe(before.de + 1);

    // A changed config (the cache misses) for a visitor who chose before: no UI unless the record needs a new ask.
    const uiBefore = requested('consentry-ui.min.js');
    await context.clearCookies();
    await context.addCookies([{ name: 'early_ui', value: record(), url: server.origin }]);
    server.page('/returning-changed', page(inline({ ...CONFIG, language: 'de', cookie: { name: 'early_ui' }, ui: { layout: 'box' } })));
    await tab.goto(server.origin + '/returning-changed');
    await tab.waitForFunction(() => window.Consentry?.get().status === 'decided');
    expect(await ran()).toEqual(['analytics']);
    expect(requested('consentry-ui.min.js')).toBe(uiBefore);
    expect(errors).toEqual([]);
  });

  it('a config that proves invalid names nothing for sure: later cross-origin tags wait, nothing is granted', async () => {
    const release = slowParts();
    server.page('/late.js', 'window.__ran.push("late")', 'text/javascript');
    server.page('/provisional-bad', page(inline({ ...CONFIG, revision: 'two' })));
    await tab.goto(server.origin + '/provisional-bad', { waitUntil: 'domcontentloaded' });
    release();
    await expect.poll(() => errors.length).toBe(1);
    await tab.evaluate((src) => {
      const s = document.createElement('script');
      s.src = src;
      document.head.append(s);
    }, other() + '/late.js');
    await tab.waitForTimeout(300);
    expect(await ran()).toEqual([]);
    expect(await tab.evaluate(() => window.Consentry!.get().status)).toBe('pending');
  });
});

describe('files from different releases', () => {
  it('a parts file of another release refuses to register, with an error that says why; nothing is released', async () => {
    const parts = readFileSync(new URL('../../dist/consentry-parts.min.js', import.meta.url), 'utf8');
    const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
    const stale = parts.replaceAll(version, '0.0.1-stale');
    expect(stale).not.toBe(parts);
    server.route('/dist/consentry-parts.min.js', (_req, res) => void res.writeHead(200, { 'content-type': 'text/javascript' }).end(stale));
    try {
      server.page('/mixed', page(inline({ ...CONFIG, cookie: { name: 'mixed_release' } })));
      await tab.goto(server.origin + '/mixed');
      await expect.poll(() => errors.some((e) => e.includes('one release'))).toBe(true);
      expect(errors.find((e) => e.includes('one release'))).toContain(`from release 0.0.1-stale but the loader from ${version}`);
      expect(await ran()).toEqual([]);
      expect(await tab.evaluate(() => window.Consentry!.get().status)).toBe('pending');
    } finally {
      server.route('/dist/consentry-parts.min.js', () => false);
    }
  });
});

describe('IAB frameworks from the script-tag build', () => {
  const iabRequests = () => server.hits.filter((h) => h.path === '/dist/consentry-gpp.min.js').length;
  const probe = `<script type="text/plain" data-consent="advertising">window.__ran.push(typeof __gpp + '/' + typeof __tcfapi)</script>`;

  it('a config with TCF and GPP fetches their file before it applies: a released tag finds both stubs answering', async () => {
    server.page('/iab', page(inline({ ...CONFIG, integrations: { gpp: { enabled: true }, tcf: { cmpId: 300 } } }), probe));
    await context.addCookies([
      { name: 'consentry', value: record({ categories: { analytics: false, advertising: true } }), url: server.origin },
    ]);
    const before = iabRequests();
    await tab.goto(server.origin + '/iab');
    await tab.waitForFunction(() => window.Consentry?.get().status === 'decided');
    expect(await ran()).toEqual(['advertising', 'function/function']);
    expect(iabRequests()).toBe(before + 1);
    const ping = await tab.evaluate(
      () => new Promise((resolve) => (window as any).__tcfapi('ping', 2, (data: { apiVersion: string }) => resolve(data.apiVersion))),
    );
    expect(ping).toBe('2.2');
    const gppStatus = () =>
      tab.evaluate(() => new Promise((resolve) => (window as any).__gpp('ping', (data: { cmpStatus: string }) => resolve(data.cmpStatus))));
    await expect.poll(gppStatus).toBe('loaded');
    expect(errors).toEqual([]);
  });

  it('with the settings cached, what the config names waits while the IAB file is on its way, then goes as the record says', async () => {
    const other = server.origin.replace('127.0.0.1', 'localhost');
    const config = {
      ...CONFIG,
      cookie: { name: 'iab_cached' },
      integrations: { tcf: { cmpId: 300 } },
      blocking: {
        rules: [
          { match: other + '/beacon-ads', category: 'advertising' },
          { match: other + '/beacon-stats', category: 'analytics' },
        ],
      },
    };
    const beacons = `<script>navigator.sendBeacon('${other}/beacon-ads', 'a'); navigator.sendBeacon('${other}/beacon-stats', 's')</script>`;
    server.page('/iab-cached', page(inline(config), beacons));
    const hits = (path: string) => server.hits.filter((h) => h.path === path).length;
    await context.addCookies([{ name: 'iab_cached', value: record(), url: server.origin }]);
    await tab.goto(server.origin + '/iab-cached');
    await tab.waitForFunction(() => window.Consentry?.get().status === 'decided');
    expect(await tab.evaluate(() => localStorage.getItem('consentry:settings'))).toContain('iab_cached');
    const before = { ads: hits('/beacon-ads'), stats: hits('/beacon-stats') };

    // Next page view: the settings come from the cache, the IAB file is slow (a fresh tab: the stub is not loaded yet).
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.route('/dist/consentry-gpp.min.js', async () => {
      await gate;
      return false;
    });
    const next = await context.newPage();
    await next.goto(server.origin + '/iab-cached', { waitUntil: 'domcontentloaded' });
    await next.waitForTimeout(200);
    expect(hits('/beacon-ads') + hits('/beacon-stats')).toBe(before.ads + before.stats);
    release();
    await next.waitForFunction(() => window.Consentry?.get().status === 'decided');
    // The record grants analytics and refuses advertising.
    await expect.poll(() => hits('/beacon-stats')).toBe(before.stats + 1);
    await next.waitForTimeout(200);
    expect(hits('/beacon-ads')).toBe(before.ads);
    await next.close();
  });

  it('a config without them never fetches the file and defines neither API', async () => {
    server.page('/no-iab', page(inline(CONFIG), probe));
    await context.addCookies([
      { name: 'consentry', value: record({ categories: { analytics: false, advertising: true } }), url: server.origin },
    ]);
    const before = iabRequests();
    await tab.goto(server.origin + '/no-iab');
    await tab.waitForFunction(() => window.Consentry?.get().status === 'decided');
    expect(await ran()).toEqual(['advertising', 'undefined/undefined']);
    await tab.waitForTimeout(200);
    expect(iabRequests()).toBe(before);
  });
});

describe('markup of the tool a site migrated from', () => {
  // What `consentry migrate` makes of a vanilla-cookieconsent config with "necessary" and "marketing", and of a
  // klaro service named "googleAnalytics"; the page's markup is left as the old tool wanted it.
  const migrated = {
    ...CONFIG,
    services: [{ id: 'googleanalytics', category: 'analytics' }],
    blocking: { categoryAliases: { necessary: 'essential', marketing: 'advertising' } },
  };
  const oldMarkup = `<script type="text/plain" data-category="necessary">window.__ran.push('necessary')</script>
<script type="text/plain" data-category="marketing">window.__ran.push('marketing')</script>
<script type="text/plain" data-type="text/javascript" data-name="googleAnalytics">window.__ran.push('googleAnalytics')</script>`;
  const old = (config: unknown) => `<!doctype html><html lang="en"><head>${inline(config)}
<script>window.__ran = [];</script>${oldMarkup}</head><body><h1>Shop</h1></body></html>`;

  it('runs each old tag under the category or service it stands for, and only then', async () => {
    server.page('/migrated', old(migrated));
    await tab.goto(server.origin + '/migrated');
    await tab.waitForFunction(() => window.Consentry?.settings && window.Consentry.get().status === 'pending');
    // "necessary" stands for essential: it runs before any choice.
    expect(await ran()).toEqual(['necessary']);
    await tab.evaluate(() => window.Consentry!.set({ categories: { analytics: true } }));
    await tab.waitForFunction(() => (window as any).__ran.length == 2);
    expect(await ran()).toEqual(['necessary', 'googleAnalytics']);
    await tab.evaluate(() => window.Consentry!.acceptAll());
    await tab.waitForFunction(() => (window as any).__ran.length == 3);
    expect(await ran()).toEqual(['necessary', 'googleAnalytics', 'marketing']);
    expect(errors).toEqual([]);
  });

  it('without the aliases, "necessary" and "marketing" name no category and stay held even after accept all', async () => {
    server.page('/unmigrated', old({ ...migrated, blocking: {} }));
    await tab.goto(server.origin + '/unmigrated');
    await tab.waitForFunction(() => window.Consentry?.settings && window.Consentry.get().status === 'pending');
    await tab.evaluate(() => window.Consentry!.acceptAll());
    await tab.waitForFunction(() => window.Consentry!.get().status === 'decided');
    await tab.waitForTimeout(200);
    expect(await ran()).toEqual(['googleAnalytics']);
  });
});
