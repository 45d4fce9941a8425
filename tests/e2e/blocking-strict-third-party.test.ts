import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newTab } from './helpers/browser';
import { closeContext } from './helpers/close-context';
import { startServer, type TestServer } from './helpers/server';
import { bannerButton } from './demo-harness';

/*
 * Strict third-party mode (issue 18 item 3) with the built loader (dist/consentry.min.js). The page loads, the
 * way vendors' snippets do, a script, an image, an iframe, a fetch, an XHR and a beacon from a host no table
 * knows, cdn.unlisted.test, and one fetch from pay.unlisted.test, which the config may declare essential.
 * Both names resolve (--host-resolver-rules) to a loopback server that counts every request it gets, so
 * "nothing reached it" is measured where it would leak, not inferred from the DOM.
 *   - blocking.thirdParty "known" (control): every request reaches the server before any choice.
 *   - "hold": none does before consent; after "Accept all" the held tags load and new requests go.
 *   - "hold" with an essential service naming pay.unlisted.test: that host goes from the first line.
 *   - "hold" on www.shop.test: static.shop.test and shop.test are same-site and go.
 * The page is served from 127.0.0.1, development: the console lists each held host once; from www.shop.test
 * (a real domain) nothing is listed.
 */

const FIRE = `<script>
window.fire = function (tag) {
  var U = window.__unlisted, P = window.__pay;
  var s = document.createElement('script'); s.src = U + '/lib.js?' + tag; document.head.appendChild(s);
  var i = new Image(); i.src = U + '/pixel.gif?' + tag; document.body.appendChild(i);
  var f = document.createElement('iframe'); f.src = U + '/frame.html?' + tag; document.body.appendChild(f);
  fetch(U + '/fetch?' + tag, { mode: 'no-cors' }).catch(function () {});
  var x = new XMLHttpRequest(); x.onerror = function () {}; x.open('GET', U + '/xhr?' + tag); x.send();
  navigator.sendBeacon(U + '/beacon?' + tag, 'x');
  fetch(P + '/pay?' + tag, { mode: 'no-cors' }).catch(function () {});
};
fire('load');
</script>`;

const KINDS = ['/lib.js', '/pixel.gif', '/frame.html', '/fetch', '/xhr', '/beacon'];

let browser: Browser;
let site: TestServer;
let unlisted: TestServer;
let port: string;

const page = (blocking: object, services: object[] = []) =>
  `<!doctype html><html lang="en"><head><script src="/dist/consentry.min.js"></script>
<script type="application/json" id="consentry-config">${JSON.stringify({ services, blocking })}</script>
<script>window.__unlisted = 'http://cdn.unlisted.test:${port}'; window.__pay = 'http://pay.unlisted.test:${port}';</script>
</head><body><h1>Shop</h1>${FIRE}</body></html>`;

beforeAll(async () => {
  site = await startServer();
  unlisted = await startServer();
  port = new URL(unlisted.origin).port;
  unlisted.page('/lib.js', 'window.__libRan = (window.__libRan || 0) + 1;', 'text/javascript');
  unlisted.page('/frame.html', '<p>frame</p>');
  const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64').toString('latin1');
  unlisted.page('/pixel.gif', gif, 'image/gif');
  site.page('/known', page({ thirdParty: 'known' }));
  site.page('/hold', page({ thirdParty: 'hold' }));
  site.page('/hold-analytics', page({ thirdParty: 'hold', unknownCategory: 'analytics' }));
  site.page(
    '/hold-same-site',
    page({ thirdParty: 'hold' }).replace(
      '</body>',
      `<script>fetch('http://static.shop.test:${port}/same-site?load', { mode: 'no-cors' }).catch(function () {}); new Image().src = 'http://shop.test:${port}/same-site-img?load';</script></body>`,
    ),
  );
  site.page('/hold-essential', page({ thirdParty: 'hold' }, [{ id: 'payments', category: 'essential', hosts: ['pay.unlisted.test'] }]));
  browser = await launchChromium({ loopback: ['cdn.unlisted.test', 'pay.unlisted.test', '*.shop.test', 'shop.test'] });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await unlisted?.close();
});

/** What reached the counting server, as "host path?tag" (the Host header tells the two names apart). */
const reached = (tag?: string) => unlisted.hits.map((hit) => hit.path).filter((path) => !tag || path.endsWith('?' + tag));
const kindsReached = (tag: string) => KINDS.filter((kind) => reached(tag).some((path) => path.startsWith(kind + '?')));

async function open(path: string, origin = site.origin): Promise<{ context: BrowserContext; tab: Page; warnings: string[] }> {
  unlisted.hits.length = 0;
  const { context, tab } = await newTab(browser);
  const warnings: string[] = [];
  tab.on('console', (message) => message.type() == 'warning' && warnings.push(message.text()));
  await tab.goto(origin + path);
  await tab.waitForFunction(() => !!window.Consentry);
  // Time for every request the page made to arrive (the control test shows they do within it).
  await tab.waitForTimeout(500);
  return { context, tab, warnings };
}

describe('blocking.thirdParty with the built loader', () => {
  it('"known" (control): a host no table knows is reached by every kind of request before any choice', async () => {
    const { context } = await open('/known');
    await expect.poll(() => kindsReached('load')).toEqual(KINDS);
    expect(reached('load')).toContain('/pay?load');
    await closeContext(context);
  });

  it('"hold": nothing reaches the unknown host before consent; after "Accept all" the held tags load and new requests go', async () => {
    const { context, tab, warnings } = await open('/hold');
    expect(reached()).toEqual([]);
    // Development (127.0.0.1): each held host listed once, however many requests it got.
    const listed = (host: string) => warnings.filter((text) => text.includes('thirdParty "hold"') && text.endsWith(' ' + host));
    expect(listed(`cdn.unlisted.test:${port}`)).toHaveLength(1);
    expect(listed(`pay.unlisted.test:${port}`)).toHaveLength(1);
    expect(listed(`cdn.unlisted.test:${port}`)[0]).toContain('held until "advertising" is granted');

    await bannerButton(tab, 'Accept all').click();
    // The held script, image and iframe are activated as they were written.
    await expect.poll(() => kindsReached('load'), { timeout: 10_000 }).toEqual(['/lib.js', '/pixel.gif', '/frame.html']);
    await expect.poll(() => tab.evaluate(() => (window as any).__libRan)).toBe(1);
    // Requests made once consent is given go; the dropped ones are not replayed.
    await tab.evaluate(() => (window as any).fire('after'));
    await expect.poll(() => kindsReached('after')).toEqual(KINDS);
    expect(reached('load').filter((path) => /^\/(fetch|xhr|beacon|pay)\?/.test(path))).toEqual([]);
    await closeContext(context);
  });

  it('"hold": the consent to blocking.unknownCategory releases unknown hosts, and no other consent does', async () => {
    const { context, tab, warnings } = await open('/hold-analytics');
    // Listed once, under the category that releases it, although the config was still being validated.
    expect(warnings.filter((text) => text.includes(`cdn.unlisted.test:${port}`))).toEqual([
      `consentry: held until "analytics" is granted (thirdParty "hold"): cdn.unlisted.test:${port}`,
    ]);
    await tab.evaluate(() => window.Consentry!.set({ categories: { advertising: true } }));
    await tab.waitForTimeout(500);
    expect(reached()).toEqual([]);
    // Advertising stays granted: `set` refuses what it leaves out, and taking advertising back would be a
    // withdrawal, whose reload (reloadOnWithdraw) would fire every request again and race the context's close.
    await tab.evaluate(() => window.Consentry!.set({ categories: { advertising: true, analytics: true } }));
    await expect.poll(() => kindsReached('load'), { timeout: 10_000 }).toEqual(['/lib.js', '/pixel.gif', '/frame.html']);
    await closeContext(context);
  });

  it('"hold": a host declared essential (an essential service\'s hosts) goes before consent; the unknown one waits', async () => {
    const { context, warnings } = await open('/hold-essential');
    await expect.poll(() => reached('load')).toEqual(['/pay?load']);
    expect(warnings.filter((text) => text.includes('pay.unlisted.test'))).toEqual([]);
    await closeContext(context);
  });

  it('"hold" on a real domain (www.shop.test): same-site hosts go, the unknown one waits, and nothing is listed in the console', async () => {
    const { context, warnings } = await open('/hold-same-site', `http://www.shop.test:${new URL(site.origin).port}`);
    await expect.poll(() => reached('load').sort()).toEqual(['/same-site-img?load', '/same-site?load']);
    expect(warnings.filter((text) => text.includes('thirdParty'))).toEqual([]);
    await closeContext(context);
  });
});
