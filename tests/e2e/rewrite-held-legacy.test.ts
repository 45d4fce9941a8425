import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { rewriteMiddleware } from '../../src/node/rewrite/node-middleware';
import { launchChromium, newContext } from './helpers/browser';
import { closeContext } from './helpers/close-context';
import { untilQuiet } from './helpers/until-quiet';

/*
 * The legacy fetching attributes the rewriter holds — `<frame src>`, `<input type=image src>`, `background=`
 * on body and table parts — are given back by the runtime gate the moment their category is granted, in
 * the same page view (no reload). The same kinds created by a script are held by the auto-blocker and given
 * back too. Tracker URLs are real hosts of the built-in table answered by counting Playwright routes; the
 * page served raw without the loader is the control: whatever it requests is what must be requested after
 * consent (Chromium loads no `background=` on some table parts; the comparison says which, not this test).
 */

const DIST = join(import.meta.dirname, '../../dist/');
const CONFIG = { ui: { privacyPolicyUrl: '/privacy' } };
const T = 'https://ad.doubleclick.net';
const LOADER = `<script src="/dist/consentry.min.js"></script>
<script type="application/json" id="consentry-config">${JSON.stringify(CONFIG)}</script>`;

const tablePage = (loader: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Legacy</title>
${loader}
</head><body background="${T}/body.gif"><h1>Shop</h1>
<table background="${T}/table.gif">
<thead background="${T}/thead.gif"><tr><th background="${T}/th.gif">Head</th></tr></thead>
<tbody background="${T}/tbody.gif"><tr background="${T}/tr.gif"><td background="${T}/td.gif">Cell</td></tr></tbody>
<tfoot background="${T}/tfoot.gif"><tr><td>Foot</td></tr></tfoot>
</table>
<input type="image" src="${T}/input.gif" alt="Go">
<div id="dyn"></div>
<script>
  // The same kinds made by a script: through setAttribute, a property and an HTML string.
  var table = document.createElement('table'), row = table.insertRow(), cell = row.insertCell();
  cell.textContent = 'dynamic'; cell.setAttribute('background', '${T}/dyn-td.gif');
  document.getElementById('dyn').appendChild(table);
  var input = document.createElement('input'); input.type = 'image'; input.alt = 'dyn'; input.src = '${T}/dyn-input.gif';
  document.getElementById('dyn').appendChild(input);
  document.getElementById('dyn').insertAdjacentHTML('beforeend', '<table><tr><td background="${T}/dyn-html.gif">html</td></tr></table>');
</script>
</body></html>`;

const framesetPage = (loader: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frames</title>
${loader}
</head><frameset cols="50%,50%"><frame src="/own.html"><frame src="${T}/frame.html"></frameset></html>`;

const PAGES: { [path: string]: string } = {
  '/table-raw': tablePage(''),
  '/table': tablePage(LOADER),
  '/frames-raw': framesetPage(''),
  '/frames': framesetPage(LOADER),
  '/own.html': '<p>own</p>',
};

let browser: Browser;
let context: BrowserContext;
let hits: string[];
let server: Server;
let origin: string;

beforeAll(async () => {
  await readFile(join(DIST, 'consentry.min.js')).catch(() => {
    throw new Error('dist/consentry.min.js is missing: run "npm run build" first');
  });
  browser = await launchChromium();
  const middleware = rewriteMiddleware({ settings: validateConfig(CONFIG) });
  server = createServer((req, res) => {
    const path = req.url!.split('?')[0];
    const next = async () => {
      if (path in PAGES)
        return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(PAGES[path]);
      const file = normalize(join(DIST, path.replace(/^\/dist\//, '')));
      if (!path.startsWith('/dist/') || !file.startsWith(DIST)) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(await readFile(file).catch(() => ''));
    };
    // Only the pages with the loader are rewritten; the raw ones are the control.
    if (path.endsWith('-raw')) void next();
    else middleware(req, res, () => void next());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});
beforeEach(async (test) => {
  hits = [];
  context = await newContext(browser);
  await context.route(/^https:\/\//, (route) => {
    hits.push(new URL(route.request().url()).pathname);
    const html = route.request().url().endsWith('.html');
    // A 1×1 GIF, or a frame document.
    const body = html ? Buffer.from('<p>frame</p>') : Buffer.from('R0lGODlhAQABAAAAACwAAAAAAQABAAA=', 'base64');
    return route.fulfill({ status: 200, contentType: html ? 'text/html' : 'image/gif', body, headers: { 'cache-control': 'no-store' } });
  });
  test.onTestFinished(() => closeContext(context));
});

const quiet = (page: Page) => untilQuiet(page, () => hits.length);
const requested = () => [...new Set(hits)].sort();

async function control(path: string): Promise<string[]> {
  const page = await context.newPage();
  await page.goto(origin + path);
  await quiet(page);
  await page.close();
  const seen = requested();
  hits = [];
  return seen;
}

/** Loads the guarded page, checks nothing went out, grants everything through the API, and returns what then went out. */
async function grantedInPlace(path: string): Promise<string[]> {
  const page = await context.newPage();
  await page.goto(origin + path);
  await page.waitForFunction(() => !!(window as any).Consentry?.get, null, { timeout: 10_000 });
  await quiet(page);
  expect(requested()).toEqual([]);
  const navigations: string[] = [];
  page.on('framenavigated', () => navigations.push('x'));
  await page.evaluate(() => (window as any).Consentry.acceptAll());
  await quiet(page);
  // Same page view: the top document did not navigate.
  expect(page.url()).toBe(origin + path);
  return requested();
}

describe('legacy fetching attributes: held by the rewriter (and at run time), restored on grant in the same page view', () => {
  test('body and table backgrounds, input type=image, and the script-made ones', async () => {
    const expected = await control('/table-raw');
    console.log('legacy kinds requested without consentry:', expected.join(' '));
    // The control must request something of each kind, or the comparison proves nothing.
    expect(expected).toEqual(
      expect.arrayContaining(['/body.gif', '/td.gif', '/input.gif', '/dyn-td.gif', '/dyn-input.gif', '/dyn-html.gif']),
    );
    expect(await grantedInPlace('/table')).toEqual(expected);
  });

  test('<frame src> in a frameset', async () => {
    const expected = await control('/frames-raw');
    expect(expected).toEqual(['/frame.html']);
    expect(await grantedInPlace('/frames')).toEqual(expected);
  });
});
