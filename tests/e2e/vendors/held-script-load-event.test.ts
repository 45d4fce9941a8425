import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchVendorChromium, SITE, sitePage, startVendorServer, visitorContext, type VendorServer } from './harness';

/*
 * A snippet that inserts its library's <script> and waits for its `load` (Rollbar's replays its queued calls
 * there; Amplitude's reports a failed load): the auto-blocker holds the element, and on "Accept all" the gate
 * runs a copy of it, since a script element once inserted never runs again. The copy's load and error must
 * reach the handlers on the element the snippet holds, or the library loads and does nothing.
 */
const SNIPPET = `<script>
window.seen = [];
function add(src, name) {
  var s = document.createElement('script');
  s.async = true;
  s.src = src;
  s.onload = function () { seen.push(name + ' onload'); };
  s.addEventListener('error', function () { seen.push(name + ' error listener'); });
  document.head.appendChild(s);
}
add('https://cdn.rollbar.com/lib.js', 'found');
add('https://cdn.rollbar.com/missing.js', 'missing');
</script>`;

const dir = mkdtempSync(join(tmpdir(), 'consentry-onload-'));
let browser: Browser;
let server: VendorServer;
beforeAll(async () => {
  writeFileSync(join(dir, 'lib.js'), 'window.libRan = true;');
  server = await startVendorServer();
  server.serve({ files: { 'cdn.rollbar.com/lib.js': join(dir, 'lib.js') } });
  server.page('/', sitePage(SNIPPET));
  browser = await launchVendorChromium(server.port);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('a held script released by "Accept all" fires load and error on the element its snippet holds', async () => {
  const { context } = await visitorContext(browser);
  const page = await context.newPage();
  await page.goto(`https://www.${SITE}/`);
  await page.getByRole('button', { name: 'Reject all', exact: true }).first().waitFor();
  expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([]);
  await page.getByRole('button', { name: 'Accept all', exact: true }).first().click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { seen: string[] }).seen.slice().sort()))
    .toEqual(['found onload', 'missing error listener']);
  expect(await page.evaluate(() => (window as unknown as { libRan?: boolean }).libRan)).toBe(true);
  await context.close();
});
