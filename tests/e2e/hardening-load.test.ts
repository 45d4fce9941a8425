import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decodeRecord } from '../../src/core/policy/record';
import { launchChromium, newContext } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';
import { closeContext } from './helpers/close-context';

/*
 * Robustness under load: a page of 5,000+ elements with 200 gated tags of every kind, and consent toggled
 * 1,000 times in a row through the API (Accept all / Reject all alternately, no reload on withdrawal).
 * Every tag runs exactly once, the final state is the last choice, and nothing accumulates: the JS heap
 * after a forced GC, the live MutationObservers, the DOM listeners and the store's subscribers are the same
 * after the toggling as before it (the first Accept all / Reject all pair is the warm-up that loads the tags).
 */

const TOGGLES = 1000;
/** Growth of the used JS heap (after a forced GC) tolerated over 998 toggles: no per-toggle leak fits in it. */
const HEAP_MARGIN = 2 * 1024 * 1024;

const INLINE = 100;
const EXTERNAL = 40;
const DYNAMIC = 20;
const FRAMES = 20;
const PIXELS = 20;
const FILLER_BLOCKS = 1200; // 4 elements each

let browser: Browser;
let site: TestServer;
let tracker: TestServer;

const category = (i: number) => (i % 2 ? 'advertising' : 'analytics');
const count = (id: string) => `window.__runs['${id}']=(window.__runs['${id}']||0)+1`;

function buildPage(t: string) {
  const tags: string[] = [];
  for (let i = 0; i < INLINE; i++) tags.push(`<script type="text/plain" data-consent="${category(i)}">${count('i' + i)}</script>`);
  for (let i = 0; i < EXTERNAL; i++)
    tags.push(`<script type="text/plain" data-consent="${category(i)}" data-src="${t}/s/e${i}.js"></script>`);
  for (let i = 0; i < FRAMES; i++)
    tags.push(`<iframe data-consent="${category(i)}" data-src="${t}/f/${i}.html" width="40" height="30" title="f${i}"></iframe>`);
  for (let i = 0; i < PIXELS; i++) tags.push(`<img data-consent="${category(i)}" data-src="${t}/p/${i}.gif" width="1" height="1" alt="">`);
  // Added by an essential script, unmarked: the auto-blocker holds them by the site's rule.
  tags.push(
    `<script>for (var i = 0; i < ${DYNAMIC}; i++) { var s = document.createElement('script'); s.src = '${t}/d/' + i + '.js'; document.body.appendChild(s); }</script>`,
  );
  const body: string[] = [];
  for (let b = 0; b < FILLER_BLOCKS; b++) {
    body.push(`<section><h3>Item ${b}</h3><p>Text <a href="#i${b}">link</a></p></section>`);
    // Spread the tags through the document, as on a real page.
    if (b % 6 === 0 && tags.length) body.push(tags.shift()!);
  }
  body.push(...tags);
  const config = {
    ui: { privacyPolicyUrl: '/privacy' },
    blocking: { reloadOnWithdraw: false, rules: [{ match: t + '/d/', category: 'analytics' }] },
  };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Big page</title>
<script src="/dist/consentry.min.js"></script>
<script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>
<script>window.__runs = {};</script>
</head><body><main>${body.join('\n')}</main></body></html>`;
}

beforeAll(async () => {
  browser = await launchChromium();
  site = await startServer();
  tracker = await startServer();
  for (let i = 0; i < EXTERNAL; i++) tracker.page(`/s/e${i}.js`, count('e' + i), 'text/javascript');
  for (let i = 0; i < DYNAMIC; i++) tracker.page(`/d/${i}.js`, count('d' + i), 'text/javascript');
  for (let i = 0; i < FRAMES; i++) tracker.page(`/f/${i}.html`, `<!doctype html><p>${i}</p>`);
  const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
  for (let i = 0; i < PIXELS; i++)
    tracker.route(`/p/${i}.gif`, (_req, res) => void res.writeHead(200, { 'content-type': 'image/gif' }).end(gif));
  site.page('/big', buildPage(tracker.origin));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await tracker?.close();
});

interface Footprint {
  heap: number;
  observers: number;
  channels: number;
  listeners: number;
  subscribers: number;
}

/** What the page holds after a full garbage collection. */
async function footprint(cdp: CDPSession, page: Page): Promise<Footprint> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const live = async (prototype: string) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: prototype });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId! });
    const { result: length } = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId!,
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    return length.value as number;
  };
  const listenersOn = async (expression: string) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    // depth -1 and pierce: every node of the document, shadow trees included.
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId!, depth: -1, pierce: true });
    return listeners.length;
  };
  return {
    heap: usedSize,
    observers: await live('MutationObserver.prototype'),
    channels: await live('BroadcastChannel.prototype'),
    listeners: (await listenersOn('window')) + (await listenersOn('document')),
    subscribers: await page.evaluate(() => (window.Consentry!.$state as unknown as { lc: number }).lc),
  };
}

/** Toggles through the public API, yielding a task between choices so every effect (and the gate's pass) runs. */
const toggle = (page: Page, from: number, to: number) =>
  page.evaluate(
    async ({ from, to }) => {
      const channel = new MessageChannel();
      const nextTask = () => new Promise((resolve) => ((channel.port1.onmessage = resolve), channel.port2.postMessage(0)));
      const consent = window.Consentry!;
      for (let i = from; i < to; i++) {
        if (i % 2) consent.rejectAll();
        else consent.acceptAll();
        await nextTask();
      }
      channel.port1.close();
    },
    { from, to },
  );

it('1,000 consent toggles on a 5,000-element page with 200 gated tags: each tag runs once, the last choice holds, nothing leaks', {
  timeout: 180_000,
}, async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');

  await page.goto(site.origin + '/big');
  await page.waitForFunction(() => document.querySelector('consentry-ui')?.shadowRoot?.querySelector('[role=region]'));
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  expect(elements).toBeGreaterThanOrEqual(5000);
  expect(await page.evaluate(() => document.querySelectorAll('[data-consent]').length)).toBe(INLINE + EXTERNAL + DYNAMIC + FRAMES + PIXELS);
  expect(tracker.hits).toEqual([]);

  // Count the public events the toggling produces.
  await page.evaluate(() => {
    const seen = ((window as unknown as { __seen: { [event: string]: number } }).__seen = { consent: 0, change: 0, withdraw: 0 });
    for (const event of ['consent', 'change', 'withdraw'] as const) window.Consentry!.on(event, () => seen[event]++);
  });

  // Warm-up: the first Accept all loads and runs everything once, then Reject all.
  await toggle(page, 0, 1);
  const scripts = INLINE + EXTERNAL + DYNAMIC;
  await expect
    .poll(() => page.evaluate(() => Object.keys((window as unknown as { __runs: object }).__runs).length), { timeout: 30_000 })
    .toBe(scripts);
  await expect.poll(() => new Set(tracker.hits.map((h) => h.path)).size, { timeout: 30_000 }).toBe(EXTERNAL + DYNAMIC + FRAMES + PIXELS);
  await toggle(page, 1, 2);
  await page.waitForTimeout(500);
  const before = await footprint(cdp, page);

  const started = Date.now();
  await toggle(page, 2, TOGGLES);
  const took = Date.now() - started;
  await page.waitForTimeout(1000);
  const after = await footprint(cdp, page);

  // Each tag ran, and was fetched, exactly once.
  const runs = await page.evaluate(() => (window as unknown as { __runs: { [id: string]: number } }).__runs);
  expect(Object.keys(runs)).toHaveLength(scripts);
  expect(Object.entries(runs).filter(([, n]) => n !== 1)).toEqual([]);
  const perPath = new Map<string, number>();
  for (const { path } of tracker.hits) perPath.set(path, (perPath.get(path) || 0) + 1);
  expect(perPath.size).toBe(EXTERNAL + DYNAMIC + FRAMES + PIXELS);
  expect([...perPath].filter(([, n]) => n !== 1)).toEqual([]);

  // The last choice (Reject all, the 1,000th) is the state, the stored record and the last event.
  const state = await page.evaluate(() => window.Consentry!.get());
  expect(state).toMatchObject({
    status: 'decided',
    categories: { essential: true, analytics: false, advertising: false },
    record: { method: 'reject-all' },
  });
  const cookie = (await context.cookies()).filter((c) => c.name === 'consentry');
  expect(cookie).toHaveLength(1);
  expect(decodeRecord(decodeURIComponent(cookie[0].value))).toMatchObject({
    method: 'reject-all',
    categories: { analytics: false, advertising: false },
  });
  expect(await page.evaluate(() => (window as unknown as { __seen: object }).__seen)).toEqual({
    consent: TOGGLES,
    change: TOGGLES,
    withdraw: TOGGLES / 2,
  });
  expect(await page.evaluate(() => !!document.querySelector('consentry-ui')?.shadowRoot?.querySelector('[role=region]'))).toBe(false);

  // Nothing accumulated.
  console.log(
    `load: ${elements} elements, ${TOGGLES} toggles in ${took} ms; heap ${(before.heap / 1048576).toFixed(2)} → ${(after.heap / 1048576).toFixed(2)} MB; ` +
      `observers ${before.observers} → ${after.observers}; listeners ${before.listeners} → ${after.listeners}; ` +
      `store subscribers ${before.subscribers} → ${after.subscribers}; broadcast channels ${before.channels} → ${after.channels}`,
  );
  expect(after.heap - before.heap).toBeLessThan(HEAP_MARGIN);
  expect(after.observers).toBe(before.observers);
  expect(after.listeners).toBe(before.listeners);
  expect(after.subscribers).toBe(before.subscribers);
  expect(after.channels).toBe(before.channels);
  expect(errors).toEqual([]);
  await closeContext(context);
});
