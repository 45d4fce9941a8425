import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, newTab } from './helpers/browser';
import { closeContext } from './helpers/close-context';
import { listenToConsole } from './helpers/console-log';
import { startServer, type TestServer } from './helpers/server';

/*
 * The script-tag build on pages with a strict Content-Security-Policy (nonces, no 'unsafe-inline', no
 * 'unsafe-eval'), and with Trusted Types enforced. The loader is the only script the site has to trust:
 * the UI chunk and the language pack it fetches carry its nonce and pass its "consentry" policy; gated
 * tags it activates keep theirs. Every `securitypolicyviolation` is collected from the first line on.
 */

const NONCE = 'XYZ';
const CONFIG = (tracker: string) => ({
  ui: { privacyPolicyUrl: '/privacy' },
  // The fake tracker is unknown to the built-in tables: a rule classifies what the page adds by script.
  blocking: { rules: [{ match: tracker + '/dyn/', category: 'analytics' }] },
});

/** What a site that embeds the tracker's iframe and pixel must allow anyway; no 'unsafe-*' anywhere. */
const POLICIES = {
  'strict CSP': (t: string) =>
    `default-src 'self'; script-src 'self' 'nonce-${NONCE}'; style-src 'self' 'nonce-${NONCE}'; img-src 'self' ${t}; frame-src ${t}; report-uri /csp-report`,
  // Without 'self' the lazy files run only because the loader handed its nonce on.
  'nonces only (no self)': (t: string) =>
    `default-src 'self'; script-src 'nonce-${NONCE}'; style-src 'nonce-${NONCE}'; img-src 'self' ${t}; frame-src ${t}; report-uri /csp-report`,
  'strict CSP with Trusted Types': (t: string) =>
    `default-src 'self'; script-src 'self' 'nonce-${NONCE}'; style-src 'self' 'nonce-${NONCE}'; img-src 'self' ${t}; frame-src ${t}; ` +
    `require-trusted-types-for 'script'; trusted-types consentry site; report-uri /csp-report`,
};
type Policy = keyof typeof POLICIES;

/**
 * Gated: an inline script, an external one, an iframe, a pixel (marked by the owner), and a script the
 * page adds at run time (held by the auto-blocker). Under Trusted Types the site passes its own URL
 * through its own policy "site", as any page there must.
 */
const page = (tracker: string) => `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Shop</title>
<script nonce="${NONCE}" src="/dist/consentry.min.js"></script>
<script nonce="${NONCE}" type="application/json" id="consentry-config">${JSON.stringify(CONFIG(tracker))}</script>
<script nonce="${NONCE}">window.__ran = [];</script>
<script nonce="${NONCE}" type="text/plain" data-consent="analytics">window.__ran.push('inline-analytics')</script>
<script nonce="${NONCE}" type="text/plain" data-consent="advertising" data-src="${tracker}/t/ads.js"></script>
<script nonce="${NONCE}">
  var url = '${tracker}/dyn/tag.js';
  var site = window.trustedTypes && trustedTypes.createPolicy('site', { createScriptURL: function (u) { return u; } });
  var s = document.createElement('script');
  s.nonce = '${NONCE}';
  s.src = site ? site.createScriptURL(url) : url;
  document.head.appendChild(s);
</script>
</head><body><main><h1>Shop</h1>
<iframe id="embed" data-consent="advertising" data-src="${tracker}/f/embed.html" width="320" height="180" title="video"></iframe>
<img id="pixel" data-consent="analytics" data-src="${tracker}/p/pixel.gif" alt="">
<p><a href="#" id="settings" data-consent-open>Cookie-Einstellungen</a></p></main></body></html>`;

let browser: Browser;
let site: TestServer;
let tracker: TestServer;
let context: BrowserContext;
let tab: Page;
let consoleErrors: string[];

const violations = () => tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
const ran = () => tab.evaluate(() => (window as unknown as { __ran: string[] }).__ran);
const trackerPaths = () => [...new Set(tracker.hits.map((h) => h.path))].sort();
const cspReports = () => site.hits.filter((h) => h.path === '/csp-report');
const ui = (selector: string) => tab.locator(`consentry-ui ${selector}`);

beforeAll(async () => {
  browser = await launchChromium();
  site = await startServer();
  tracker = await startServer();
  tracker.page('/t/ads.js', "window.__ran.push('external-advertising')", 'text/javascript');
  tracker.page('/dyn/tag.js', "window.__ran.push('dynamic-analytics')", 'text/javascript');
  tracker.page('/f/embed.html', '<!doctype html><p>video</p>');
  tracker.route(
    '/p/pixel.gif',
    (_req, res) =>
      void res
        .writeHead(200, { 'content-type': 'image/gif' })
        .end(Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')),
  );
  site.route('/csp-report', (_req, res) => void res.writeHead(204).end());
  for (const [name, policy] of Object.entries(POLICIES)) {
    const html = page(tracker.origin);
    site.route(
      '/' + encodeURIComponent(name),
      (_req, res) =>
        void res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy(tracker.origin) })
          .end(html),
    );
  }
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await tracker?.close();
});
beforeEach(async () => {
  await closeContext(context);
  ({ context, tab } = await newTab(browser));
  ({ errors: consoleErrors } = listenToConsole(tab));
  // Injected by the browser before any page script, so it is not itself subject to the page's CSP.
  await tab.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`.trim()));
  });
  tracker.hits.length = 0;
  site.hits.length = 0;
});

describe.each(Object.keys(POLICIES) as Policy[])('%s', (policy) => {
  const open = async () => {
    const response = await tab.goto(site.origin + '/' + encodeURIComponent(policy));
    expect(response!.headers()['content-security-policy']).toBe(POLICIES[policy](tracker.origin));
    await ui('[role=region]').waitFor();
  };

  it('shows the banner styled, in the page language, and lets nothing through before a choice', async () => {
    await open();
    const look = await tab.evaluate(() => {
      const root = document.querySelector('consentry-ui')!.shadowRoot!;
      const banner = root.querySelector<HTMLElement>('.banner')!;
      const accept = root.querySelector<HTMLElement>('.acts .btn')!;
      const style = getComputedStyle(accept);
      return {
        sheets: root.adoptedStyleSheets.length + root.querySelectorAll('style').length,
        position: getComputedStyle(banner).position,
        accept: accept.textContent,
        background: style.backgroundColor,
        padding: [style.paddingTop, style.paddingRight, style.paddingBottom, style.paddingLeft].map(parseFloat),
        height: accept.getBoundingClientRect().height,
      };
    });
    expect(look.sheets).toBeGreaterThan(0);
    expect(look.position).toBe('fixed');
    // The German pack is a third file loaded on demand, like the UI chunk.
    expect(look.accept).toBe('Alle akzeptieren');
    // Neither transparent nor the browser's own grey: the stylesheet applies inside the shadow root.
    expect(look.background).not.toMatch(/^rgba\(0, 0, 0, 0\)$|^rgb\(2[34]\d, 2[34]\d, 2[34]\d\)$/);
    expect(Math.min(...look.padding)).toBeGreaterThanOrEqual(8);
    expect(look.height).toBeGreaterThanOrEqual(44);

    // The held iframe's placeholder is drawn by the loader, styled through CSSOM as well.
    const placeholder = await tab.evaluate(() => {
      const box = document.querySelector<HTMLElement>('[data-consentry-placeholder]')!;
      const style = getComputedStyle(box);
      return {
        category: box.dataset.consentryPlaceholder,
        display: style.display,
        background: style.backgroundColor,
        width: box.getBoundingClientRect().width,
      };
    });
    expect(placeholder).toMatchObject({ category: 'advertising', display: 'flex', width: 320 });
    expect(placeholder.background).not.toBe('rgba(0, 0, 0, 0)');

    await tab.waitForTimeout(300);
    expect(await ran()).toEqual([]);
    expect(tracker.hits).toEqual([]);
    expect(await violations()).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('runs every gated tag after Accept all, keeps the reopen controls working, and reports no violation', async () => {
    await open();
    await ui('.acts .btn').first().click();
    await expect.poll(() => ran()).toHaveLength(3);
    expect((await ran()).sort()).toEqual(['dynamic-analytics', 'external-advertising', 'inline-analytics']);
    await expect.poll(trackerPaths).toEqual(['/dyn/tag.js', '/f/embed.html', '/p/pixel.gif', '/t/ads.js']);
    // Activated scripts kept the nonce (the browser hides the attribute; the property holds it).
    expect(await tab.evaluate(() => [...document.scripts].filter((s) => /\/(t|dyn)\//.test(s.src)).map((s) => s.nonce))).toEqual([
      'XYZ',
      'XYZ',
    ]);
    await expect.poll(() => tab.evaluate(() => (document.getElementById('pixel') as HTMLImageElement).naturalWidth)).toBe(1);

    // The floating button, styled through CSSOM (no style attribute a CSP could refuse), reopens the preferences.
    const reopen = tab.locator('[data-consentry-reopen]');
    await reopen.waitFor();
    expect(await reopen.evaluate((b) => [getComputedStyle(b).position, b.getBoundingClientRect().width])).toEqual(['fixed', 44]);
    await reopen.click();
    await ui('[role=dialog]').waitFor();
    await tab.keyboard.press('Escape');
    await ui('[role=dialog]').waitFor({ state: 'detached' });
    await tab.click('#settings');
    await ui('[role=dialog]').waitFor();

    await tab.waitForTimeout(300);
    expect(await violations()).toEqual([]);
    expect(cspReports()).toEqual([]);
    expect(consoleErrors).toEqual([]);
    // Every file the SDK added came from the loader's origin with its nonce.
    // (The language pack is fetched beside the UI chunk, so their order is the network's.)
    const added = await tab.evaluate(() =>
      [...document.querySelectorAll('script[src*="/dist/"]')].map((s) => [
        new URL((s as HTMLScriptElement).src).pathname,
        (s as HTMLScriptElement).nonce,
      ]),
    );
    expect(added.sort()).toEqual([
      ['/dist/consentry-parts.min.js', 'XYZ'],
      ['/dist/consentry-ui.min.js', 'XYZ'],
      ['/dist/consentry.min.js', 'XYZ'],
      ['/dist/i18n/de.min.js', 'XYZ'],
    ]);
  });

  it('keeps refused tags held after Reject all; the placeholder then loads its embed alone, with no violation', async () => {
    await open();
    await ui('.acts .btn').nth(1).click();
    await ui('[role=region]').waitFor({ state: 'detached' });
    await tab.waitForTimeout(500);
    expect(await ran()).toEqual([]);
    expect(tracker.hits).toEqual([]);

    // "Load once" (the first of its two buttons) activates this embed and grants nothing.
    await tab.locator('[data-consentry-placeholder] button').first().click();
    await expect.poll(trackerPaths).toEqual(['/f/embed.html']);
    await expect.poll(() => tab.locator('[data-consentry-placeholder]').count()).toBe(0);
    expect(await tab.evaluate(() => window.Consentry!.get().categories.advertising)).toBe(false);
    await tab.waitForTimeout(300);
    expect(await ran()).toEqual([]);
    expect(await violations()).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

describe('Trusted Types without the consentry policy allowed', () => {
  const policyWith = (t: string) =>
    `default-src 'self'; script-src 'self' 'nonce-${NONCE}'; style-src 'self' 'nonce-${NONCE}'; img-src 'self' ${t}; frame-src ${t}; ` +
    `require-trusted-types-for 'script'; trusted-types site`;

  it('fails closed: the SDK cannot load its own validator file, so nothing is ever released; one error, nothing throws', async () => {
    site.route(
      '/tt-no-policy',
      (_req, res) =>
        void res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policyWith(tracker.origin) })
          .end(page(tracker.origin)),
    );
    const errors: string[] = [];
    tab.on('console', (m) => m.type() === 'error' && m.text().startsWith('consentry') && errors.push(m.text()));
    await tab.goto(site.origin + '/tt-no-policy');
    await tab.waitForFunction(() => window.Consentry?.get().status === 'pending');
    // A first visit has no validated settings cached: the validator file is the first thing refused.
    await expect.poll(() => errors).toEqual([expect.stringMatching(/could not load .*consentry-parts\.min\.js/)]);
    await tab.waitForTimeout(500);
    expect(await tab.evaluate(() => !!document.querySelector('consentry-ui'))).toBe(false);
    expect(await tab.evaluate(() => !!document.querySelector('script[src*="consentry-parts"]'))).toBe(false);

    // API calls find no config: showPreferences() rejects with the error; nothing runs, nothing is fetched.
    const shown = await tab.evaluate(() => {
      window.Consentry!.acceptAll();
      return window.Consentry!.showPreferences().then(
        () => 'shown',
        (error: Error) => error.message,
      );
    });
    expect(shown).toMatch(/could not load .*consentry-parts\.min\.js/);
    await tab.waitForTimeout(500);
    expect(errors).toHaveLength(1);
    expect(await tab.evaluate(() => window.Consentry!.get().status)).toBe('pending');
    expect(await ran()).toEqual([]);
    expect(tracker.hits.filter((h) => h.path.endsWith('.js'))).toEqual([]);
    const refused = await violations();
    expect(refused[0]).toMatch(/^trusted-types trusted-types-policy consentry/);
    expect(refused.filter((v) => /inline-analytics|\/t\/ads\.js/.test(v))).toEqual([]);
    expect(consoleErrors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});

describe('the policies are really enforced (so the tests above could fail)', () => {
  it('an inline script without the nonce is refused and reported', async () => {
    await tab.goto(site.origin + '/' + encodeURIComponent('strict CSP'));
    await ui('[role=region]').waitFor();
    await tab.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__sneaked = true';
      document.head.append(s);
    });
    await expect.poll(() => violations()).toEqual([expect.stringMatching(/^script-src-elem inline/)]);
    expect(await tab.evaluate(() => (window as unknown as { __sneaked?: boolean }).__sneaked)).toBeUndefined();
    await expect.poll(() => cspReports().length).toBe(1);
  });

  it('a style attribute is refused: the UI does not depend on one', async () => {
    await tab.goto(site.origin + '/' + encodeURIComponent('strict CSP'));
    await ui('[role=region]').waitFor();
    await tab.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p id="styled" style="color: red">x</p>'));
    await expect.poll(() => violations()).toEqual([expect.stringMatching(/^style-src-attr inline/)]);
    expect(await tab.evaluate(() => getComputedStyle(document.getElementById('styled')!).color)).not.toBe('rgb(255, 0, 0)');
  });

  it('under Trusted Types a plain string script URL throws, and a policy of another name is refused', async () => {
    await tab.goto(site.origin + '/' + encodeURIComponent('strict CSP with Trusted Types'));
    await ui('[role=region]').waitFor();
    expect(await violations()).toEqual([]);
    const outcome = await tab.evaluate(() => {
      const result: string[] = [];
      try {
        document.createElement('script').src = '/x.js';
        result.push('string URL accepted');
      } catch (error) {
        result.push((error as Error).name);
      }
      try {
        (window as unknown as { trustedTypes: { createPolicy(name: string, rules: object): unknown } }).trustedTypes.createPolicy(
          'other',
          {},
        );
        result.push('policy created');
      } catch (error) {
        result.push((error as Error).name);
      }
      return result;
    });
    expect(outcome).toEqual(['TypeError', 'TypeError']);
    await expect.poll(() => violations()).toHaveLength(2);
    expect((await violations()).map((v) => v.split(' ')[0])).toEqual(['require-trusted-types-for', 'trusted-types']);
  });
});
