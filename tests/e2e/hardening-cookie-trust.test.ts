import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord } from '../../src/core/policy/record';
import type { ConsentRecord } from '../../src/core/policy/types';
import { launchChromium, newTab } from './helpers/browser';
import { closeContext } from './helpers/close-context';
import { startServer, type TestServer } from './helpers/server';

/*
 * The consent cookie is whatever someone wrote (issue 24 #7). Two sibling host names on loopback,
 * a.shop.localtest (the site) and b.shop.localtest (a sibling subdomain an attacker controls, say a
 * user-content host), both resolved to 127.0.0.1 by Chromium, over http and over https (a self-signed
 * certificate made for the run). The sibling plants consent cookies with Domain=shop.localtest.
 */

const CONFIG = { revision: 2, ui: { privacyPolicyUrl: '/privacy' } };
const DAY = 864e5;
const SITE = 'a.shop.localtest';
const SIBLING = 'b.shop.localtest';
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script src="/dist/consentry.min.js"></script>
<script type="application/json" id="consentry-config">${JSON.stringify(CONFIG)}</script>
<script>window.__ran = [];</script>
<script type="text/plain" data-consent="analytics">window.__ran.push('analytics')</script>
</head><body><h1>Shop</h1></body></html>`;
const record = (overrides: Partial<ConsentRecord> = {}) =>
  encodeRecord({
    id: 'visitor-0001',
    time: Date.now() - 1000,
    revision: 2,
    categories: { analytics: true, advertising: true },
    services: {},
    method: 'accept-all',
    expires: Date.now() + 30 * DAY,
    ...overrides,
  });
/** What the sibling's page runs: a cookie for the whole parent domain, on a path of the site's. */
const plant = (value: string, extra = '') =>
  `<!doctype html><script>document.cookie = ${JSON.stringify(`consentry=${value}; domain=shop.localtest; ${extra}`)};</script>`;

let browser: Browser;
let http: TestServer;
let https: Server;
let httpsPort: number;
let certs: string;
let context: BrowserContext;
let tab: Page;
/** Pages the https server answers with, by path (the http server has its own). */
const securePages = new Map<string, string>();

const ran = () => tab.evaluate(() => (window as unknown as { __ran: string[] }).__ran);
const decided = () => tab.waitForFunction(() => window.Consentry?.settings && window.Consentry.get().status !== undefined);
const banner = () => tab.evaluate(() => !!document.querySelector('consentry-ui')?.shadowRoot?.querySelector('[role=region]'));
const cookies = async () => (await context.cookies()).filter((c) => c.name.endsWith('consentry'));

beforeAll(async () => {
  browser = await launchChromium({ loopback: ['*.localtest'] });
  http = await startServer();
  for (const path of ['/', '/shop/page']) http.page(path, PAGE);
  certs = mkdtempSync(join(tmpdir(), 'consentry-certs-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=shop.localtest',
      '-addext',
      'subjectAltName=DNS:*.shop.localtest',
      '-keyout',
      join(certs, 'key.pem'),
      '-out',
      join(certs, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const dist = new URL('../../dist/', import.meta.url);
  https = createServer({ key: readFileSync(join(certs, 'key.pem')), cert: readFileSync(join(certs, 'cert.pem')) }, (req, res) => {
    const path = (req.url || '/').split('?')[0];
    const page = securePages.get(path) ?? (['/', '/shop/page'].includes(path) ? PAGE : undefined);
    if (page) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
    if (/^\/dist\/[\w./-]+\.js$/.test(path) && !path.includes('..'))
      return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(new URL(path.slice(6), dist)));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  httpsPort = (https.address() as AddressInfo).port;
});
afterAll(async () => {
  await browser?.close();
  await http?.close();
  https?.closeAllConnections();
  await new Promise((resolve) => https?.close(resolve));
  if (certs) rmSync(certs, { recursive: true, force: true });
});
beforeEach(async () => {
  await closeContext(context);
  ({ context, tab } = await newTab(browser, { ignoreHTTPSErrors: true }));
  securePages.clear();
});

const httpAt = (host: string, path = '/') => http.origin.replace('127.0.0.1', host) + path;
const httpsAt = (host: string, path = '/') => `https://${host}:${httpsPort}${path}`;

describe('over http (no __Host- cookies possible): the plain name, trusted no further than it can be', () => {
  it('127.0.0.1: a choice is stored under the plain name and read back', async () => {
    await tab.goto(http.origin + '/');
    await decided();
    await tab.evaluate(() => window.Consentry!.acceptAll());
    expect((await cookies()).map((c) => c.name)).toEqual(['consentry']);
    await tab.reload();
    await tab.waitForFunction(() => window.Consentry?.get().status === 'decided');
    expect(await ran()).toEqual(['analytics']);
  });

  it("a sibling's Domain= cookie with a longer path does not override the visitor's rejection", async () => {
    await tab.goto(httpAt(SITE));
    await decided();
    await tab.evaluate(() => window.Consentry!.rejectAll());
    http.page('/plant', plant(record(), 'path=/shop'));
    await tab.goto(httpAt(SIBLING, '/plant'));
    expect(await cookies()).toHaveLength(2);
    await tab.goto(httpAt(SITE, '/shop/page'));
    // The browser lists the longer path first: taken first, it would have opted the visitor in.
    expect(await tab.evaluate(() => document.cookie.split('; ').length)).toBe(2);
    await tab.waitForFunction(() => window.Consentry?.get().status === 'decided');
    expect(await tab.evaluate(() => window.Consentry!.get().record!.method)).toBe('reject-all');
    expect(await ran()).toEqual([]);
  });

  it.each([
    ['a later revision', { revision: 99 }],
    ['an expiry ten years away', { expires: Date.now() + 3650 * DAY }],
  ])('a planted record with %s is no record: the banner asks', async (_, overrides) => {
    http.page('/plant', plant(record(overrides), 'path=/'));
    await tab.goto(httpAt(SIBLING, '/plant'));
    await tab.goto(httpAt(SITE));
    await tab.locator('consentry-ui [role=region]').waitFor();
    expect(await tab.evaluate(() => window.Consentry!.get().status)).toBe('pending');
    expect(await ran()).toEqual([]);
  });
});

describe('over https: __Host-consentry', () => {
  it('a choice is stored as __Host-consentry (host-only, Secure, path /) and read back', async () => {
    await tab.goto(httpsAt(SITE));
    await decided();
    await tab.evaluate(() => window.Consentry!.acceptAll());
    const [cookie, ...more] = await cookies();
    expect(more).toEqual([]);
    expect(cookie).toMatchObject({ name: '__Host-consentry', domain: SITE, path: '/', secure: true });
    await tab.reload();
    await tab.waitForFunction(() => window.Consentry?.get().status === 'decided');
    expect(await ran()).toEqual(['analytics']);
  });

  it('a sibling can neither set __Host-consentry nor opt in a visitor who rejected, nor one who never chose', async () => {
    // Made after the switch to __Host- names (a record claiming an earlier time is the documented residual).
    const planted = record({ time: Date.UTC(2026, 11, 8) });
    securePages.set(
      '/plant',
      plant(planted, 'path=/; secure') +
        `<script>document.cookie = "__Host-consentry=${planted}; domain=shop.localtest; path=/; secure";</script>`,
    );
    await tab.goto(httpsAt(SIBLING, '/plant'));
    expect((await cookies()).map((c) => [c.name, c.domain])).toEqual([['consentry', '.shop.localtest']]);
    // A visitor who never chose: the planted plain record was made after __Host- names, so it is no migration.
    await tab.goto(httpsAt(SITE));
    await tab.locator('consentry-ui [role=region]').waitFor();
    expect(await ran()).toEqual([]);
    await tab.evaluate(() => window.Consentry!.rejectAll());
    await tab.goto(httpsAt(SIBLING, '/plant'));
    await tab.goto(httpsAt(SITE));
    await tab.waitForFunction(() => window.Consentry?.get().status === 'decided');
    expect(await tab.evaluate(() => window.Consentry!.get().record!.method)).toBe('reject-all');
    expect(await ran()).toEqual([]);
  });

  it("a returning visitor's choice under the old name is honoured, then moved to __Host-consentry", async () => {
    const old = record({ time: Date.UTC(2026, 10, 20), categories: { analytics: true, advertising: false }, method: 'custom' });
    await context.addCookies([{ name: 'consentry', value: old, domain: SITE, path: '/' }]);
    await tab.goto(httpsAt(SITE));
    await tab.waitForFunction(() => window.Consentry?.get().status === 'decided');
    expect(await ran()).toEqual(['analytics']);
    expect(await banner()).toBe(false);
    await expect.poll(async () => (await cookies()).map((c) => c.name)).toEqual(['__Host-consentry']);
    const [moved] = await cookies();
    expect(decodeRecord(decodeURIComponent(moved.value))).toEqual(decodeRecord(old));
  });
});
