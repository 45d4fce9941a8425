import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, newContext } from './helpers/browser';
import { settle, view } from './zoo/visit';
import { startZoo, type Zoo } from './zoo/zoo';
import { closeContext } from './helpers/close-context';

/*
 * A strict CSP (nonces only, no 'strict-dynamic') with Trusted Types enforced: activated scripts keep the
 * nonce of the held tag (browsers hide the attribute, so it must come from the property), their URLs and
 * code go through the "consentry" policy, and a held tag without the nonce stays blocked by the page's CSP.
 */

let browser: Browser;
let zoo: Zoo;

beforeAll(async () => {
  browser = await launchChromium();
  zoo = await startZoo();
  const { A, B } = zoo;
  zoo.pages.set('/csp', {
    headers: { 'content-security-policy': "script-src 'nonce-zoo'; require-trusted-types-for 'script'; trusted-types consentry" },
    html: `<!doctype html><html><head>
<script nonce="zoo" src="/sdk.js"></script>
<script nonce="zoo">window.__order.push('head-inline');window.__messages=[];window.__violations=[];
document.addEventListener('securitypolicyviolation',function(e){__violations.push(e.violatedDirective+' '+(e.blockedURI||e.sample))});</script>
<script nonce="zoo" type="text/plain" data-consent="analytics" data-src="${A}/s/m-ext.js" integrity="sha384-wrong"></script>
<script nonce="zoo" type="text/plain" data-consent="analytics" data-src="${A}/s/vcc.js" crossorigin="anonymous"></script>
<script nonce="zoo" type="text/plain" data-consent="analytics">window.__order.push('m-inline')</script>
<script type="text/plain" data-consent="analytics">window.__order.push('no-nonce')</script>
<script nonce="zoo" src="${A}/s/u-static.js"></script>
</head><body>
<embed id="m-embed" data-consent="advertising" data-src="${B}/e/m-embed.svg" type="image/svg+xml" width="10" height="10">
<script nonce="zoo">window.__order.push('end-inline')</script>
</body></html>`,
  });
});
afterAll(async () => {
  await browser?.close();
  await zoo?.close();
});

test('activated scripts keep their nonce and attributes and pass Trusted Types; a tag without the nonce stays blocked', async () => {
  const context = await newContext(browser);
  await context.addCookies([{ name: 'consentry', value: 'analytics.advertising', url: zoo.site }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  zoo.hits.length = 0;
  await page.goto(zoo.site + '/csp');
  await settle(page, zoo.hits);
  const seen = await view(page);
  // m-ext is fetched but refused by its (wrong) integrity hash: the attribute was carried over.
  expect(seen.order).toEqual(['head-inline', 'u-static', 'end-inline', 'vcc', 'm-inline']);
  expect(zoo.hits).toEqual(expect.arrayContaining(['A:/s/m-ext.js', 'A:/s/vcc.js', 'B:/e/m-embed.svg']));
  const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  expect(violations).toEqual(['script-src-elem inline']);
  expect(errors).toEqual([]);
  // Trusted Types are enforced indeed: a plain string URL is refused, through the auto-blocker's setter too.
  expect(
    await page.evaluate(() => {
      try {
        document.createElement('script').src = '/x.js';
        return 'accepted';
      } catch (error) {
        return (error as Error).name;
      }
    }),
  ).toBe('TypeError');
  expect(await page.evaluate(() => [...document.scripts].find((s) => s.src.endsWith('/vcc.js'))!.crossOrigin)).toBe('anonymous');
  await closeContext(context);
});
