import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newContext } from './helpers/browser';
import { closeContext } from './helpers/close-context';
import { loaderRan } from './helpers/consentry-ready';
import { startServer, type TestServer } from './helpers/server';
import { standInHost } from './helpers/stand-in-host';

// Issue 18 item 5: an ad slot's same-origin ("friendly") iframe whose document loads a tracker <script> and
// writes first-party ad cookies (__gads, __gpi) on the site. The built loader must install its guards in
// the frame's window before the frame's own scripts run. pagead2.googlesyndication.com resolves to loopback
// and every request the browser makes for it is counted (each one is answered by a script that writes
// __gads, as the real one does).

const TRACKER_HOST = 'pagead2.googlesyndication.com';
const TRACKER = `https://${TRACKER_HOST}/pagead/show_ads_impl.js`;
// The slot's document: the vendor's tag, and an inline script writing the vendor's cookies itself.
const SLOT = `<script src="${TRACKER}"></script><script>document.cookie = "__gpi=UID=1; path=/"; document.cookie = "__gads=ID=inline; path=/";</script>`;
const head = `<script src="/dist/consentry.min.js"></script><script type="application/json" id="consentry-config">{"revision":1}</script>`;
const page = (makeSlot: string) =>
  `<!doctype html><html><head>${head}</head><body><h1>News</h1><div id="ad"></div><script>window.makeSlot = function () { ${makeSlot} }; makeSlot();</script></body></html>`;
// A JS string literal inside an inline <script>: its own end tags escaped.
const js = (text: string) => JSON.stringify(text).replace(/<\//g, '<\\/');
const PAGES: { [path: string]: string } = {
  // What ad libraries do: an about:blank frame, written with document.write.
  '/blank': page(`var f = document.createElement('iframe'); document.getElementById('ad').appendChild(f);
    var d = f.contentDocument; d.open(); d.write(${js(SLOT)}); d.close();`),
  '/srcdoc': page(`var f = document.createElement('iframe'); f.srcdoc = ${js(SLOT)}; document.getElementById('ad').appendChild(f);`),
  '/srcdoc-markup': page(
    `document.getElementById('ad').insertAdjacentHTML('beforeend', '<iframe srcdoc="' + ${js(SLOT)}.replace(/"/g, '&quot;') + '"></iframe>');`,
  ),
  // A same-origin page without the loader, whose tag is inserted once it has loaded: guarded from its `load`.
  '/url': page(`var f = document.createElement('iframe'); f.src = '/slot-late'; document.getElementById('ad').appendChild(f);`),
  '/slot-late': `<!doctype html><html><body><script>addEventListener('load', function () { setTimeout(function () {
    var s = document.createElement('script'); s.src = '${TRACKER}'; document.head.appendChild(s);
    document.cookie = '__gpi=UID=1; path=/'; document.cookie = '__gads=ID=late; path=/'; }, 50); });</script></body></html>`,
  // The way around for a same-origin page whose own markup has the tag: the loader in that page too.
  '/url-loader': page(`var f = document.createElement('iframe'); f.src = '/slot-loader'; document.getElementById('ad').appendChild(f);`),
  '/slot-loader': `<!doctype html><html><head>${head}</head><body>${SLOT}</body></html>`,
};

// Under a nonce CSP (no 'unsafe-inline'), which a srcdoc document inherits: our script writing the markup
// must carry the loader's nonce, or nothing in the slot would ever run, even after "Accept all".
const CSP = "script-src 'nonce-n1' 'self' https://pagead2.googlesyndication.com";
const SLOT_NONCE = SLOT.replace(/<script/g, '<script nonce="n1"');
const CSP_PAGE = `<!doctype html><html><head><script nonce="n1" src="/dist/consentry.min.js"></script>
<script nonce="n1" type="application/json" id="consentry-config">{"revision":1}</script></head><body><div id="ad"></div>
<script nonce="n1">window.makeSlot = function () { var f = document.createElement('iframe'); f.srcdoc = ${js(SLOT_NONCE)};
document.getElementById('ad').appendChild(f); }; makeSlot();</script></body></html>`;

let browser: Browser;
let server: TestServer;
// Another origin (another port): a frame there has no document the guards can read, until it navigates back.
let elsewhere: TestServer;

beforeAll(async () => {
  browser = await launchChromium({ loopback: [TRACKER_HOST] });
  server = await startServer();
  elsewhere = await startServer();
  elsewhere.page('/plain', '<!doctype html><p>Another site</p>');
  for (const [path, html] of Object.entries(PAGES)) server.page(path, html);
  // A frame first on another origin, then navigated to a same-origin page: guarded at that load.
  server.page(
    '/elsewhere-then-url',
    page(`var f = document.createElement('iframe'), first = true;
      f.onload = function () { if (first) { first = false; f.src = '/slot-late'; } };
      f.src = ${js(elsewhere.origin + '/plain')}; document.getElementById('ad').appendChild(f);`),
  );
  server.route('/srcdoc-csp', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP });
    res.end(CSP_PAGE);
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await elsewhere?.close();
});

async function countingContext(): Promise<{ context: BrowserContext; requests: string[] }> {
  const context = await newContext(browser);
  const requests = await standInHost(context, TRACKER_HOST, {
    contentType: 'text/javascript',
    body: 'document.cookie = "__gads=ID=tracker; path=/";',
  });
  return { context, requests };
}

const adCookies = async (context: BrowserContext) =>
  (await context.cookies())
    .map((cookie) => cookie.name)
    .filter((name) => name == '__gads' || name == '__gpi')
    .sort();

async function load(tab: Page, path: string) {
  await tab.goto(server.origin + path);
  await loaderRan(tab);
  await tab.waitForTimeout(400);
}

/**
 * `preloaded`: the tag is in the frame page's HTML, which the browser's preload scanner fetches before any
 * script can hold it (as on any page: only the HTML rewriter stops that request); it must still not run,
 * and the tracker, when run, writes __gads.
 */
async function heldUntilAccepted(path: string, preloaded = false) {
  const { context, requests } = await countingContext();
  const tab = await context.newPage();
  await load(tab, path);
  if (!preloaded) expect(requests).toEqual([]);
  expect(await adCookies(context)).toEqual([]);
  await tab.evaluate(() => window.Consentry!.rejectAll());
  await tab.reload();
  await load(tab, path);
  if (!preloaded) expect(requests).toEqual([]);
  expect(await adCookies(context)).toEqual([]);
  // Granted: a new slot loads its tag and writes its cookies.
  await tab.evaluate(() => window.Consentry!.acceptAll());
  // The choice is stored once the choice parts have loaded.
  await tab.waitForFunction(() => /(^|; )consentry=[^;]*\|a\|/.test(document.cookie));
  // Counted before the slot is made: its request can be reported before evaluate() returns.
  const before = requests.length;
  await tab.evaluate(() => (window as unknown as { makeSlot(): void }).makeSlot());
  await expect.poll(() => requests.length, { timeout: 5000 }).toBeGreaterThan(before);
  await expect.poll(() => adCookies(context), { timeout: 5000 }).toEqual(['__gads', '__gpi']);
  await closeContext(context);
}

describe('same-origin frames with the built loader', () => {
  it.each([
    ['about:blank written with document.write', '/blank'],
    ['srcdoc set by a script', '/srcdoc'],
    ['srcdoc in markup inserted with insertAdjacentHTML', '/srcdoc-markup'],
    ['srcdoc under a nonce CSP', '/srcdoc-csp'],
    ['same-origin URL page, tag inserted after its load', '/url'],
    ['a frame on another origin, then navigated to a same-origin page', '/elsewhere-then-url'],
  ])('hold the tracker and its cookies before consent, not after "Accept all": %s', async (_name, path) => heldUntilAccepted(path));

  // The documented way around for a same-origin page whose own HTML holds the tag (the parent's guards
  // reach its window only at its load): the loader in that page's <head> too.
  it('keep the tag in a same-origin URL page with the loader in its own <head> from running, and not after "Accept all"', async () =>
    heldUntilAccepted('/url-loader', true));
});
