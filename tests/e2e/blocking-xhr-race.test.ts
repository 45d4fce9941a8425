import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';
import { closeContext } from './helpers/close-context';
import { uiMounted } from './helpers/consentry-ready';

/*
 * Issue 18 item 6: "an XMLHttpRequest from an inline script to a known tracker host got through in one of two
 * runs: a race". Each variant runs RUNS times, each in a fresh browser context, on the release loader set up
 * as the docs say (first in <head>, the config inline or by data-config, no choice made). The tracker host is
 * in the built-in table and mapped to a loopback server that counts every request. A control page without
 * consentry shows that the same XHR reaches the tracker every time, so a zero count means consentry held it.
 * Counts measured are in docs/security.md, "The XHR race (issue 18)".
 */

const KNOWN = 'tajs.qq.com';
// 3 in the suite (bounded: 18 s measured here for all 11 variants); the counts in docs/security.md were taken with XHR_RACE_RUNS=15.
const RUNS = Number(process.env.XHR_RACE_RUNS) || 3;
const CONFIG = JSON.stringify({ ui: { privacyPolicyUrl: '/privacy' } });

type How = 'inline' | 'data-config' | 'none';
/**
 * What the inline script does: open and send at once, open only (the test sends later), a synchronous XHR,
 * send twice, or send to another origin and, while that send waits for the verdict, open again at the tracker.
 */
type Call = 'async' | 'open-only' | 'sync' | 'twice' | 'reopen';

const loaderTags = (how: How) =>
  how == 'inline'
    ? `<script src="/dist/consentry.min.js"></script>\n<script type="application/json" id="consentry-config">${CONFIG}</script>`
    : how == 'data-config'
      ? '<script src="/dist/consentry.min.js" data-config="/config.json"></script>'
      : '';

/** `window.__done` says the XHR finished (to the tracker or, held, to the empty data: URL). */
const xhrScript = (call: Call, url: string, other: string) => `<script>
window.__done = false;
var x = window.__xhr = new XMLHttpRequest();
x.addEventListener('loadend', function () { window.__done = true; });
${call == 'reopen' ? `x.open('GET', ${JSON.stringify(other)}); x.send();` : ''}
x.open('GET', ${JSON.stringify(url)}${call == 'sync' ? ', false' : ''});
${{ async: 'x.send();', 'open-only': '', sync: 'try { x.send(); } catch (e) {} window.__done = true;', twice: 'x.send(); try { x.send(); } catch (e) {}', reopen: 'x.send();' }[call]}
</script>`;

const pageOf = (
  how: How,
  call: Call,
  url: string,
  other = '',
) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>XHR</title>
${loaderTags(how)}
${xhrScript(call, url, other)}
</head><body><h1>Shop</h1></body></html>`;

interface Variant {
  name: string;
  how: How;
  call: Call;
  /** Load the page once (caching the validated settings), then count the second load too. */
  returning?: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'first visit, inline config', how: 'inline', call: 'async' },
  { name: 'returning visit (cached settings), inline config', how: 'inline', call: 'async', returning: true },
  { name: 'first visit, data-config URL', how: 'data-config', call: 'async' },
  { name: 'returning visit, data-config URL', how: 'data-config', call: 'async', returning: true },
  { name: 'opened while parsing, sent after the config arrived (inline)', how: 'inline', call: 'open-only' },
  { name: 'opened while parsing, sent after the config arrived (data-config)', how: 'data-config', call: 'open-only' },
  { name: 'synchronous XHR, inline config', how: 'inline', call: 'sync' },
  { name: 'synchronous XHR, data-config URL', how: 'data-config', call: 'sync' },
  { name: 'send() called twice, inline config', how: 'inline', call: 'twice' },
  { name: 'send() called twice, data-config URL', how: 'data-config', call: 'twice' },
  // Before the data-config arrives every other origin waits: the first send waits, then the XHR is reopened.
  { name: 'sent to another origin, reopened at the tracker while that send waits (data-config)', how: 'data-config', call: 'reopen' },
];

let browser: Browser;
let site: TestServer;
let tracker: Server;
let trackerPort: number;
const hits: string[] = [];

beforeAll(async () => {
  browser = await launchChromium({ loopback: [KNOWN] });
  site = await startServer();
  tracker = createServer((req, res) => {
    hits.push(req.url || '');
    res.writeHead(200, { 'access-control-allow-origin': '*' }).end('ok');
  });
  await new Promise<void>((resolve) => tracker.listen(0, '127.0.0.1', resolve));
  trackerPort = (tracker.address() as AddressInfo).port;
  site.page('/config.json', CONFIG, 'application/json');
  site.page('/privacy', '<p>privacy</p>');
  for (const [index, variant] of VARIANTS.entries()) {
    // The other origin: the tracker server by its IP, a host no table names.
    site.page(
      `/v${index}`,
      pageOf(variant.how, variant.call, `http://${KNOWN}:${trackerPort}/x/v${index}`, `http://127.0.0.1:${trackerPort}/other`),
    );
  }
  site.page('/control', pageOf('none', 'async', `http://${KNOWN}:${trackerPort}/x/control`));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await new Promise((resolve) => tracker?.close(resolve));
});

const finished = (tab: Page) => tab.waitForFunction(() => (window as unknown as { __done: boolean }).__done, null, { timeout: 10_000 });

/** One visit: load, let the XHR finish (sending it once configured when the page only opened it). */
async function visit(tab: Page, path: string, call: Call) {
  await tab.goto(site.origin + path);
  if (call == 'open-only') {
    await uiMounted(tab);
    await tab.evaluate(() => (window as unknown as { __xhr: XMLHttpRequest }).__xhr.send());
  }
  await finished(tab);
}

async function countLeaks(index: number, variant: Variant): Promise<number> {
  const before = hits.length;
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ locale: 'en-US' });
    const tab = await context.newPage();
    await visit(tab, `/v${index}`, variant.call);
    if (variant.returning) {
      await uiMounted(tab);
      await visit(tab, `/v${index}`, variant.call);
    }
    await closeContext(context);
  }
  return hits.slice(before).filter((h) => h.startsWith(`/x/v${index}`)).length;
}

describe(`the XHR race (issue 18 item 6): each variant ${RUNS} times, a fresh context each time`, () => {
  it('control: without consentry the same XHR reaches the tracker', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await visit(tab, '/control', 'async');
    await closeContext(context);
    expect(hits.filter((h) => h.startsWith('/x/control'))).toHaveLength(1);
  });

  for (const [index, variant] of VARIANTS.entries()) {
    it(`${variant.name}: no request reaches the tracker`, async () => {
      const leaks = await countLeaks(index, variant);
      console.log(`xhr race: ${variant.name}: ${leaks} of ${RUNS * (variant.returning ? 2 : 1)} page views reached the tracker`);
      expect(leaks).toBe(0);
    });
  }
});
