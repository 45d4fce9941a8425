import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from '../../demo/server.mjs';
import { validateConfig } from '../../src/core/config/validate';
import { openTab } from './demo-harness';
import { launchChromium } from './helpers/browser';

/** The UI chunk loads lazily and third parties answer when they answer: give them time on a busy machine. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });

// The demo server on its own: the fake third parties, the site's essential features, the receipt
// endpoint and the templating. The SDK's behaviour on the demo is in demo-consent.test.ts.

const PAGES = ['/', '/pricing', '/blog/edge-caching-explained', '/contact', '/privacy', '/playground', '/receipts', '/spa/'];

let demo: Demo;
let dataDir: string;

/** A tiny cookie jar for fetch: what a browser would send back. */
function jar() {
  const cookies = new Map<string, string>();
  return {
    cookies,
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    take(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair, ...attributes] = line.split(';');
        const eq = pair.indexOf('=');
        const name = pair.slice(0, eq).trim();
        if (attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))) cookies.delete(name);
        else cookies.set(name, pair.slice(eq + 1).trim());
      }
      return response;
    },
  };
}

async function get(path: string, cookies = jar(), headers: Record<string, string> = {}) {
  return cookies.take(await fetch(demo.url + path, { headers: { cookie: cookies.header(), ...headers }, redirect: 'manual' }));
}

async function postForm(path: string, form: Record<string, string>, cookies = jar()) {
  return cookies.take(
    await fetch(demo.url + path, {
      method: 'POST',
      body: new URLSearchParams(form),
      headers: { cookie: cookies.header(), 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    }),
  );
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'consentry-demo-test-'));
  demo = await startDemo({ quiet: true, dataDir });
});
afterAll(async () => {
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(() => demo.clearHits());

describe('the fake third parties', () => {
  it('each listens on its own loopback port, apart from the site', () => {
    const origins = [demo.url, demo.trackers.analytics, demo.trackers.ads, demo.trackers.embed];
    expect(new Set(origins).size).toBe(4);
    for (const origin of origins) expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('records every request with tracker, kind, path, referer and the page it was made for', async () => {
    const page = `${demo.url}/pricing?plan=pro`;
    await fetch(`${demo.trackers.analytics}/ns.js?id=NS4D3M0`, { headers: { referer: demo.url + '/' } });
    await fetch(`${demo.trackers.analytics}/g/collect?v=2&dl=${encodeURIComponent(page)}`, { method: 'POST' });
    await fetch(`${demo.trackers.analytics}/hm.gif?u=${encodeURIComponent(page)}`);
    await fetch(`${demo.trackers.ads}/ads.js`);
    await fetch(`${demo.trackers.ads}/px.gif?ev=PageView`);
    await fetch(`${demo.trackers.ads}/frame?slot=home-leaderboard`);
    await fetch(`${demo.trackers.embed}/video/embed/edge-101`);
    await fetch(`${demo.trackers.embed}/maps/embed?q=x`);
    await fetch(`${demo.trackers.embed}/unknown`);

    const hits = demo.hits();
    expect(hits.map(({ tracker, kind, method }) => `${tracker} ${kind} ${method}`)).toEqual([
      'analytics script GET',
      'analytics beacon POST',
      'analytics pixel GET',
      'ads script GET',
      'ads pixel GET',
      'ads iframe GET',
      'embed iframe GET',
      'embed iframe GET',
      'embed other GET',
    ]);
    expect(hits[0]).toMatchObject({ path: '/ns.js?id=NS4D3M0', referer: demo.url + '/', page: '/' });
    expect(hits[1].page).toBe('/pricing?plan=pro');
    expect(hits[2].page).toBe('/pricing?plan=pro');
    expect(hits.every((hit) => typeof hit.time === 'number' && hit.time > 0)).toBe(true);

    const listed = await (await fetch(`${demo.url}/__demo/hits`)).json();
    expect(listed.trackers).toEqual(demo.trackers);
    expect(listed.hits).toEqual(hits);
    expect((await fetch(`${demo.url}/__demo/hits/clear`, { method: 'POST' })).status).toBe(200);
    expect(demo.hits()).toEqual([]);
  });

  it('answer like the real thing: scripts know their origin, beacons are pixels, ad and embed responses set cookies', async () => {
    const script = await (await fetch(`${demo.trackers.analytics}/ns.js`)).text();
    expect(script).toContain(`var ORIGIN = '${demo.trackers.analytics}'`);
    expect(script).toMatch(/document\.cookie/);
    expect(script).toMatch(/sendBeacon/);
    const pixel = await fetch(`${demo.trackers.analytics}/hm.gif`);
    expect(pixel.headers.get('content-type')).toBe('image/gif');
    expect(
      Buffer.from(await pixel.arrayBuffer())
        .subarray(0, 6)
        .toString(),
    ).toBe('GIF89a');

    for (const path of ['/ads.js', '/px.gif', '/frame?slot=x']) {
      const cookies = (await fetch(demo.trackers.ads + path)).headers.getSetCookie();
      expect(cookies.map((c) => c.split('=')[0])).toEqual(['IDE']);
    }
    const video = (await fetch(`${demo.trackers.embed}/video/embed/a`)).headers.getSetCookie();
    expect(video.map((c) => c.split('=')[0])).toEqual(['YSC', 'VISITOR_INFO1_LIVE']);
    const map = (await fetch(`${demo.trackers.embed}/maps/embed?q=%3Cscript%3E`)).headers;
    expect(map.getSetCookie().map((c) => c.split('=')[0])).toEqual(['NID']);
    const mapHtml = await (await fetch(`${demo.trackers.embed}/maps/embed?q=%3Cscript%3E`)).text();
    expect(mapHtml).not.toContain('<script>');
  });
});

describe('the consent config', () => {
  it('maps each tracker origin to its service and is valid for the SDK', async () => {
    const response = await fetch(`${demo.url}/consent.json`);
    const text = await response.text();
    expect(text).not.toContain('.invalid');
    const config = JSON.parse(text);
    expect(config.blocking.rules).toEqual([
      { match: `${demo.trackers.analytics}/`, service: 'northstar-analytics' },
      { match: `${demo.trackers.ads}/`, service: 'adpulse' },
      { match: `${demo.trackers.embed}/video/`, service: 'streamly-video' },
      { match: `${demo.trackers.embed}/maps/`, service: 'atlas-maps' },
    ]);
    const settings = validateConfig(config);
    expect(settings.categories.map((c) => c.id)).toEqual(['essential', 'analytics', 'advertising']);
    expect(settings.services.map((s) => s.id)).toEqual([
      'cirrus-site',
      'demo-controls',
      'northstar-analytics',
      'adpulse',
      'streamly-video',
      'atlas-maps',
    ]);
    expect(settings.receipts).toEqual({ endpoint: '/__demo/receipts' });
  });

  it('the template in demo/consent.base.json is itself a valid config', () => {
    const base = JSON.parse(readFileSync(new URL('../../demo/consent.base.json', import.meta.url), 'utf8'));
    expect(() => validateConfig(base)).not.toThrow();
  });
});

describe('the site pages', () => {
  it.each(['en', 'zh'] as const)('serve every page in %s with nothing left unfilled', async (language) => {
    for (const path of PAGES) {
      const cookies = jar();
      cookies.cookies.set('lang', language);
      const response = await get(path, cookies);
      const html = await response.text();
      expect(response.status, path).toBe(200);
      expect(html, path).toContain(`<html lang="${language === 'zh' ? 'zh-CN' : 'en'}">`);
      expect(html.match(/\{\{[\w.]+\}\}/g), path).toBeNull();
      expect(html, path).toContain('data-consent-open');
      expect(html, path).toContain('<script src="/assets/panel.js" defer></script>');
    }
  });

  it('put the synchronous SDK tag first in <head>, before any other script', async () => {
    for (const path of PAGES.filter((p) => p !== '/spa/' && p !== '/playground')) {
      const html = await (await get(path)).text();
      const firstScript = html.slice(html.indexOf('<script'), html.indexOf('>', html.indexOf('<script')) + 1);
      expect(firstScript, path).toBe('<script src="/dist/consentry.min.js" data-config="/consent.json">');
    }
    const playground = await (await get('/playground')).text();
    expect(playground.indexOf('id="consentry-config"')).toBeLessThan(playground.indexOf('/dist/consentry.min.js'));
    const spa = await (await get('/spa/traffic')).text();
    expect(spa).not.toContain('consentry.min.js');
    expect(spa).toContain('<script type="importmap">{"imports":{"consentry":"/bundles/consentry.mjs"}}</script>');
  });

  it('hold every third-party tag in markup: nothing a browser would fetch before consent', async () => {
    for (const path of PAGES) {
      const html = await (await get(path)).text();
      for (const origin of Object.values(demo.trackers)) {
        const uses = [...html.matchAll(new RegExp(`<[^>]*${origin.replace(/[.:/]/g, '\\$&')}[^>]*>`, 'g'))].map((m) => m[0]);
        for (const tag of uses) {
          if (tag.startsWith('<div id="spa-root"')) continue; // the SPA's own config, not a request
          expect(tag, path).toMatch(/data-consent="(analytics|advertising)"/);
          // A text/plain script is never fetched; anything else must keep its URL in data-src.
          if (tag.startsWith('<script')) expect(tag, path).toContain('type="text/plain"');
          else expect(tag, path).not.toMatch(/\ssrc="/);
        }
      }
    }
  });

  it('template the simulated region and GPC before the SDK reads them, and ignore bad values', async () => {
    const html = await (await get('/?region=de&gpc=1')).text();
    const meta = html.indexOf('<meta name="consentry-region" content="DE">');
    const gpc = html.indexOf('<script src="/assets/gpc.js"></script>');
    const sdk = html.indexOf('/dist/consentry.min.js');
    expect(meta).toBeGreaterThan(0);
    expect(gpc).toBeGreaterThan(meta);
    expect(sdk).toBeGreaterThan(gpc);
    const bad = await (await get('/?region=%22%3E%3Cscript%3E&gpc=0')).text();
    expect(bad).not.toContain('consentry-region');
    expect(bad).not.toContain('gpc.js');

    const cookies = jar();
    const saved = await postForm('/__demo/settings', { region: 'US-CA', gpc: '1', lang: 'zh', next: '/pricing' }, cookies);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/pricing');
    const page = await (await get('/pricing', cookies)).text();
    expect(page).toContain('<meta name="consentry-region" content="US-CA">');
    expect(page).toContain('gpc.js');
    expect(page).toContain('<html lang="zh-CN">');
    await postForm('/__demo/settings', { region: '', lang: 'en' }, cookies);
    const cleared = await (await get('/pricing', cookies)).text();
    expect(cleared).not.toContain('consentry-region');
    expect(cleared).not.toContain('gpc.js');
  });

  it('answer 404 with a page for unknown paths, and never serve files outside assets and dist', async () => {
    expect((await get('/no-such-page')).status).toBe(404);
    for (const path of [
      '/assets/../server.mjs',
      '/assets/%2e%2e/server.mjs',
      '/dist/../package.json',
      '/dist/%2e%2e%2fpackage.json',
      '/assets/..%5cserver.mjs',
    ]) {
      const response = await get(path);
      expect(response.status, path).not.toBe(200);
      expect(await response.text(), path).not.toContain('startDemo');
    }
    expect((await get('/assets/site.css')).status).toBe(200);
  });
});

describe("the site's essential cookies", () => {
  it('an HttpOnly session id and a SameSite=Strict CSRF token are issued on the first page', async () => {
    const response = await fetch(demo.url + '/');
    const setCookies = response.headers.getSetCookie();
    expect(setCookies.find((c) => c.startsWith('sid='))).toMatch(/HttpOnly/);
    expect(setCookies.find((c) => c.startsWith('csrftoken='))).toMatch(/SameSite=Strict/);
  });

  it('the language switch sets lang and redirects within the site only', async () => {
    const cookies = jar();
    const response = await get('/lang/zh?next=%2Fpricing%3Fx%3D1', cookies);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/pricing?x=1');
    expect(cookies.cookies.get('lang')).toBe('zh');
    expect(await (await get('/pricing', cookies)).text()).toContain('简单透明的套餐');
    for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const away = await get(`/lang/en?next=${encodeURIComponent(next)}`);
      expect(away.headers.get('location'), next).toBe('/');
    }
  });

  it('the contact form is refused without the CSRF token and accepted with it', async () => {
    const cookies = jar();
    const form = await (await get('/contact', cookies)).text();
    const token = csrfOf(form);
    expect(token).toBe(cookies.cookies.get('csrftoken'));

    const message = { name: '<b>Ann</b>', email: 'ann@example.com', topic: 'sales', message: 'Quote for 20 TB please' };
    const forged = await postForm('/contact', { ...message, _csrf: 'x'.repeat(token.length) }, cookies);
    expect(forged.status).toBe(403);
    const withoutCookie = await postForm('/contact', { ...message, _csrf: token });
    expect(withoutCookie.status).toBe(403);

    const sent = await postForm('/contact', { ...message, _csrf: token }, cookies);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/contact?sent=1');
    const thanks = await (await get('/contact?sent=1', cookies)).text();
    expect(thanks).toContain('Thanks, &#60;b&#62;Ann&#60;/b&#62;.');
    expect(thanks).not.toContain('<b>Ann</b>');
    // The ad network's conversion tag is on the thank-you page, held like any other.
    expect(thanks).toMatch(/<script type="text\/plain" data-consent="advertising" data-service="adpulse">[^<]*'Lead'/);

    const invalid = await postForm('/contact', { name: 'Ann', email: 'not-an-email', message: 'x', _csrf: token }, cookies);
    expect(invalid.headers.get('location')).toBe('/contact?error=invalid');
  });

  it('the cart lives in the session and needs the CSRF token too', async () => {
    const cookies = jar();
    const token = csrfOf(await (await get('/pricing', cookies)).text());
    expect((await postForm('/cart', { plan: 'pro', _csrf: 'nope' }, cookies)).status).toBe(403);
    await postForm('/cart', { plan: 'pro', _csrf: token }, cookies);
    await postForm('/cart', { plan: 'business', _csrf: token }, cookies);
    await postForm('/cart', { plan: 'not-a-plan', _csrf: token }, cookies);
    const page = await (await get('/pricing?added=1', cookies)).text();
    expect(page).toContain('<span class="cart-count" data-cart-count>2</span>');
    expect(page).toContain('Pro × 1');
    expect(page).toContain('Business × 1');
    await postForm('/cart', { action: 'clear', _csrf: token }, cookies);
    expect(await (await get('/pricing', cookies)).text()).toContain('data-cart-count>0<');
  });
});

describe('the consent-receipt endpoint', () => {
  const receipt = {
    consentId: 'c0ffee-0001',
    time: '2025-11-25T10:00:00.000Z',
    revision: 1,
    categories: { essential: true, analytics: true, advertising: false },
    services: {},
    method: 'custom',
    region: 'DE',
    url: 'http://127.0.0.1/pricing',
    userAgent: 'test',
  };

  it('stores receipts in its data folder, lists them as JSON and on the receipts page', async () => {
    const posted = await fetch(`${demo.url}/__demo/receipts`, {
      method: 'POST',
      body: JSON.stringify(receipt),
      headers: { 'content-type': 'application/json' },
    });
    expect(posted.status).toBe(201);
    const stored = await demo.receipts();
    // Kept by consentry/receipts (PGlite in the data folder): the user agent is cut to the browser family.
    const kept = { ...receipt, userAgent: 'Other' };
    expect(stored.at(-1)?.receipt).toEqual(kept);
    expect(Date.parse(stored.at(-1)!.receivedAt)).toBeGreaterThan(0);
    expect(existsSync(join(dataDir, 'receipts', 'PG_VERSION'))).toBe(true);
    expect((await (await fetch(`${demo.url}/__demo/receipts`)).json()).receipts.at(-1).receipt).toEqual(kept);
    const page = await (await get('/receipts')).text();
    expect(page).toContain('<code>c0ffee-0001</code>');
    expect(page).toContain('<span class="chip chip-off">advertising ✗</span>');
    expect(page).toContain('/pricing');
  });

  it('refuses what is not a receipt, escapes what it shows, and caps the body size', async () => {
    const post = (body: string) =>
      fetch(`${demo.url}/__demo/receipts`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect((await post('not json')).status).toBe(400);
    expect((await post(JSON.stringify({ hello: 'world' }))).status).toBe(400);
    expect((await post(JSON.stringify([receipt]))).status).toBe(400);
    // Answered, not reset: the rest of the body is read and thrown away first.
    const big = await post(JSON.stringify({ ...receipt, pad: 'x'.repeat(70_000) }));
    expect(big.status).toBe(413);
    expect((await post(JSON.stringify(receipt))).status).toBe(201);
    // consentry/receipts' schema refuses markup in an id before it could reach the page (escaping: views.mjs).
    expect((await post(JSON.stringify({ ...receipt, consentId: '<img src=x onerror=alert(1)>' }))).status).toBe(422);
    const page = await (await get('/receipts')).text();
    expect(page).not.toContain('<img src=x');
  });

  it('refuses a receipt whose fields have the wrong type, and the receipts page keeps working', async () => {
    const post = (body: unknown) =>
      fetch(`${demo.url}/__demo/receipts`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const refused = await post({ ...receipt, region: { toString: 1 } });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toContain('"region"');
    expect((await post({ ...receipt, categories: { analytics: { toString: 1 } } })).status).toBe(400);
    const page = await get('/receipts');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<code>c0ffee-0001</code>');
  });
});

describe('in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('no page requests anything outside 127.0.0.1, in either language', async () => {
    for (const language of ['en', 'zh'] as const) {
      const tab = await openTab(browser, { language });
      await tab.context.addCookies([{ name: 'lang', value: language, url: demo.url }]);
      for (const path of PAGES) {
        await tab.page.goto(demo.url + path, { waitUntil: 'load' });
        await tab.page.waitForSelector('#demo-panel');
      }
      expect(tab.outside).toEqual([]);
      await tab.context.close();
    }
  });

  it('the demo panel is on every page, labelled as the demo, and can be collapsed for the tab', async () => {
    const tab = await openTab(browser);
    await tab.page.goto(demo.url + '/contact');
    const panel = tab.page.locator('#demo-panel');
    await poll(() => panel.getAttribute('aria-label')).toBe('Demo inspector (not part of the consentry SDK)');
    await poll(() => panel.locator('.dp-bar').textContent()).toContain('not of the consentry SDK');
    // The HttpOnly session cookie is invisible to scripts; the panel learns its name from the server.
    await poll(() => panel.locator('.dp-section').nth(2).textContent()).toContain('sid');
    await panel.getByRole('button', { name: 'Hide' }).click();
    expect(await panel.locator('#demo-panel-body').isHidden()).toBe(true);
    await tab.page.goto(demo.url + '/privacy');
    await tab.page.waitForSelector('#demo-panel');
    expect(await tab.page.locator('#demo-panel-body').isHidden()).toBe(true);
    await tab.context.close();
  });
});
