import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, newTab } from './helpers/browser';
import { closeContext } from './helpers/close-context';
import { listenToConsole } from './helpers/console-log';
import { startServer, type TestServer } from './helpers/server';

/*
 * Which element may configure the script-tag build (issue 24 #2), and what a page without a config says
 * (issue 20). An attacker who can post markup (a sanitizer-safe comment) must not be able to pick the
 * regime or where the SDK's code comes from; a site owner who misnamed the config must be told.
 */

const NONCE = 'cfgNonce1';
const SITE = { revision: 1, ui: { privacyPolicyUrl: '/privacy' } };
const HOSTILE = { regions: { default: 'notice-only' } };
const tags = (nonce = '') => `<script${nonce}>window.__ran = [];</script>
<script${nonce} type="text/plain" data-consent="analytics">window.__ran.push('analytics')</script>`;
const json = (config: unknown, attributes = '') =>
  `<script type="application/json" id="consentry-config"${attributes}>${JSON.stringify(config)}</script>`;
const page = (head: string, body = '', nonce = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}${tags(nonce)}</head><body><h1>Shop</h1>${body}</body></html>`;
const loader = (attributes = '') => `<script src="/dist/consentry.min.js"${attributes}></script>`;

let browser: Browser;
let site: TestServer;
/** Another origin that serves the same files: an attacker's, or the site's CDN when the owner lists it. */
let other: TestServer;
let context: BrowserContext;
let tab: Page;
let warnings: string[];
let errors: string[];

const ran = () => tab.evaluate(() => (window as unknown as { __ran: string[] }).__ran);
const state = () => tab.evaluate(() => window.Consentry!.get());
const settled = () => tab.waitForFunction(() => document.readyState == 'complete').then(() => tab.waitForTimeout(300));

beforeAll(async () => {
  browser = await launchChromium();
  site = await startServer();
  other = await startServer();
  const withCsp = (path: string, html: string) =>
    site.route(
      path,
      (_req, res) =>
        void res
          .writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'content-security-policy': `default-src 'self'; script-src 'self' 'nonce-${NONCE}'; style-src 'self' 'nonce-${NONCE}'`,
          })
          .end(html),
    );
  // The hostile markup, each where a comment or profile text would land.
  site.page('/div-in-body', page(loader(), `<div id="consentry-config">${JSON.stringify(HOSTILE)}</div>`));
  site.page('/script-in-body', page(loader(), json(HOSTILE)));
  withCsp('/no-nonce', page(loader(` nonce="${NONCE}"`) + json(HOSTILE), '', ` nonce="${NONCE}"`));
  site.page('/later-in-head', page(loader() + '<meta name="x" content="y">' + json(HOSTILE)));
  site.page(
    '/init-and-div',
    page(loader(), `<div id="consentry-config">${JSON.stringify(HOSTILE)}</div><script>Consentry.init(${JSON.stringify(SITE)})</script>`),
  );
  // The site's own config, in each place the docs allow.
  site.page('/right-after', page(loader() + json(SITE)));
  site.page('/before', page(json(SITE) + loader()));
  withCsp('/right-after-nonce', page(loader(` nonce="${NONCE}"`) + json(SITE, ` nonce="${NONCE}"`), '', ` nonce="${NONCE}"`));
  // No config at all, or a near miss.
  site.page('/none', page(loader()));
  site.page('/misnamed', page(loader() + `<script type="application/json" id="consent-config">${JSON.stringify(SITE)}</script>`));
  site.page('/init-only', page(loader(), `<script>Consentry.init(${JSON.stringify(SITE)})</script>`));
  // Where the SDK's own code comes from (issue 24 #3).
  const assets = (ui: object) => page(loader() + json({ ...SITE, ui: { ...SITE.ui, ...ui } }));
  site.route(
    '/assets-elsewhere',
    (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(assets({ assetsUrl: other.origin + '/dist/' })),
  );
  site.route(
    '/assets-listed',
    (_req, res) =>
      void res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(assets({ assetsUrl: other.origin + '/dist/', trustedAssetOrigins: [other.origin] })),
  );
  site.route(
    '/assets-listed-tt',
    (_req, res) =>
      void res
        .writeHead(200, {
          'content-type': 'text/html',
          'content-security-policy': `script-src 'nonce-${NONCE}'; require-trusted-types-for 'script'; trusted-types consentry`,
        })
        .end(
          page(
            loader(` nonce="${NONCE}"`) +
              json(
                { ...SITE, ui: { ...SITE.ui, assetsUrl: other.origin + '/dist/', trustedAssetOrigins: [other.origin] } },
                ` nonce="${NONCE}"`,
              ),
            '',
            ` nonce="${NONCE}"`,
          ),
        ),
  );
  site.route(
    '/assets-polluted',
    (_req, res) =>
      void res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          page(
            `<script>Object.prototype.ui = { assetsUrl: '${other.origin}/dist/' }; Object.prototype.assetsUrl = '${other.origin}/dist/';</script>` +
              loader() +
              json({}),
          ),
        ),
  );
  site.page('/invalid', page(loader() + json({ revision: -1 }), '<a href="#" id="settings" data-consent-open>Cookie settings</a>'));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await other?.close();
});
beforeEach(async () => {
  await closeContext(context);
  ({ context, tab } = await newTab(browser));
  ({ errors, warnings } = listenToConsole(tab));
});

describe('markup a visitor can add never configures the page', () => {
  it.each([
    ['a <div> in <body>', '/div-in-body', 'not a JSON <script>'],
    ['a later <script> in <body>', '/script-in-body', 'not before the loader or right after it'],
    ['a <script> without the nonce under a strict CSP', '/no-nonce', "without the loader's nonce"],
    ['a <script> in <head> but not right after the loader', '/later-in-head', 'not before the loader or right after it'],
  ])('%s: ignored with a warning, every tag stays held', async (_, path, why) => {
    await tab.goto(site.origin + path);
    await settled();
    expect(await ran()).toEqual([]);
    expect(await tab.evaluate(() => !!window.Consentry!.settings)).toBe(false);
    expect(await state()).toMatchObject({ status: 'pending', categories: { essential: true } });
    expect(warnings.filter((w) => w.includes('ignored #consentry-config'))).toEqual([expect.stringContaining(why)]);
  });

  it('a page configured by Consentry.init() gets its own config, not the <div>', async () => {
    await tab.goto(site.origin + '/init-and-div');
    await tab.waitForFunction(() => window.Consentry?.settings);
    expect(await tab.evaluate(() => window.Consentry!.settings.regions.default)).toBe('opt-in');
    expect(await tab.evaluate(() => window.Consentry!.settings.revision)).toBe(1);
    expect(await ran()).toEqual([]);
  });
});

describe("the site's own inline config", () => {
  it.each(['/right-after', '/before', '/right-after-nonce'])('%s the loader: taken', async (path) => {
    await tab.goto(site.origin + path);
    await tab.waitForFunction(() => window.Consentry?.settings);
    expect(await tab.evaluate(() => window.Consentry!.settings.revision)).toBe(1);
    expect(warnings).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('a page without a config says so (issue 20)', () => {
  it('names the id and the data-config attribute it looked for', async () => {
    await tab.goto(site.origin + '/none');
    await settled();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('id="consentry-config"');
    expect(warnings[0]).toContain('data-config');
    expect(warnings[0]).not.toContain('did you mean');
    // Nothing hangs: a "Cookie settings" button's promise hears the same.
    const outcome = await tab.evaluate(() =>
      window.Consentry!.showPreferences().then(
        () => 'shown',
        (error: Error) => error.message,
      ),
    );
    expect(outcome).toBe(warnings[0]);
  });

  it('suggests the right id for a near miss', async () => {
    await tab.goto(site.origin + '/misnamed');
    await settled();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Found id="consent-config": did you mean "consentry-config"?');
    expect(await ran()).toEqual([]);
  });

  it('stays quiet when Consentry.init() configured the page', async () => {
    await tab.goto(site.origin + '/init-only');
    await settled();
    expect(warnings).toEqual([]);
    expect(await tab.evaluate(() => window.Consentry!.settings.revision)).toBe(1);
  });
});

describe('an invalid config (issue 24 #15)', () => {
  it('showPreferences() rejects with the config error instead of never settling', async () => {
    await tab.goto(site.origin + '/invalid');
    await expect.poll(() => errors.length).toBe(1);
    const outcome = await tab.evaluate(() =>
      Promise.race([
        window.Consentry!.showPreferences().then(
          () => 'shown',
          (error: Error) => 'rejected: ' + error.message,
        ),
        new Promise((resolve) => setTimeout(() => resolve('never settled'), 2000)),
      ]),
    );
    expect(outcome).toMatch(/^rejected: consentry: invalid config.*revision/s);
    // The page's own "Cookie settings" link awaits nothing: no unhandled rejection.
    await tab.click('#settings');
    await tab.waitForTimeout(200);
    expect(errors).toHaveLength(1);
  });
});

describe('where the SDK loads its own code from (issue 24 #3)', () => {
  const otherScripts = () => other.hits.filter((hit) => hit.path.endsWith('.js')).map((hit) => hit.path);
  beforeEach(() => void (other.hits.length = 0));

  it("an assetsUrl on another origin is refused with a warning: every file comes from the loader's folder", async () => {
    await tab.goto(site.origin + '/assets-elsewhere');
    await tab.locator('consentry-ui [role=region]').waitFor();
    expect(otherScripts()).toEqual([]);
    expect(site.hits.map((hit) => hit.path)).toEqual(expect.arrayContaining(['/dist/consentry-parts.min.js', '/dist/consentry-ui.min.js']));
    expect(warnings.some((w) => w.includes(`ui.assetsUrl ${other.origin}/dist/`) && w.includes('ui.trustedAssetOrigins'))).toBe(true);
  });

  it('an origin the owner lists is followed (a CDN)', async () => {
    await tab.goto(site.origin + '/assets-listed');
    await tab.locator('consentry-ui [role=region]').waitFor();
    expect(otherScripts()).toEqual(expect.arrayContaining(['/dist/consentry-parts.min.js', '/dist/consentry-ui.min.js']));
    expect(warnings).toEqual([]);
  });

  it('under Trusted Types the listed origin passes the policy, which vouches for the files it names there', async () => {
    await tab.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    await tab.goto(site.origin + '/assets-listed-tt');
    await tab.locator('consentry-ui [role=region]').waitFor();
    expect(otherScripts()).toEqual(expect.arrayContaining(['/dist/consentry-parts.min.js', '/dist/consentry-ui.min.js']));
    expect(await tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a polluted Object.prototype does not choose the origin on a first visit', async () => {
    await tab.goto(site.origin + '/assets-polluted');
    await tab.waitForFunction(() => window.Consentry?.settings);
    await tab.locator('consentry-ui [role=region]').waitFor();
    expect(otherScripts()).toEqual([]);
  });
});
