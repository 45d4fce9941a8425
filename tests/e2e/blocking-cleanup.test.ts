import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium } from './helpers/browser';
import { startZoo, type Zoo } from './zoo/zoo';
import { closeContext } from './helpers/close-context';

/*
 * Withdrawal clean-up on a real domain hierarchy: *.zoo.test resolves to the zoo's loopback server, so the
 * page at www.shop.zoo.test can hold cookies on www.shop.zoo.test (host-only and domain), shop.zoo.test and
 * zoo.test, on several paths. Refusing analytics must delete every copy of every analytics cookie.
 */

let browser: Browser;
let zoo: Zoo;

beforeAll(async () => {
  browser = await launchChromium({ loopback: ['*.zoo.test'] });
  zoo = await startZoo();
  zoo.pages.set('/deep/path/page', {
    html: `<!doctype html><html><head><script src="/sdk.js"></script>
<script>
[
  '_ga=1; path=/', '_ga=2; path=/deep; domain=zoo.test', '_ga=3; path=/deep/path; domain=shop.zoo.test',
  '_gid=4; path=/deep/; domain=.www.shop.zoo.test', '_gid=5', '_za_x=6; path=/; domain=zoo.test', 'Hm_lvt_1=7; path=/deep/path/page',
  '_fbp=8; path=/; domain=zoo.test', 'site=9; path=/; domain=zoo.test',
].forEach(function (cookie) { document.cookie = cookie; });
</script></head><body></body></html>`,
  });
});
afterAll(async () => {
  await browser?.close();
  await zoo?.close();
});

test("every copy of a refused category's cookies is deleted: host-only and domain, every parent domain, every path", async () => {
  const context = await browser.newContext();
  const url = zoo.site.replace('127.0.0.1', 'www.shop.zoo.test') + '/deep/path/page?noreload';
  await context.addCookies([{ name: 'consentry', value: 'analytics.advertising', domain: 'www.shop.zoo.test', path: '/' }]);
  const page = await context.newPage();
  await page.goto(url);
  const copies = async () => (await context.cookies()).map((c) => `${c.name}@${c.domain}${c.path}`).sort();
  await expect
    .poll(copies)
    .toEqual([
      'Hm_lvt_1@www.shop.zoo.test/deep/path/page',
      '_fbp@.zoo.test/',
      '_ga@.shop.zoo.test/deep/path',
      '_ga@.zoo.test/deep',
      '_ga@www.shop.zoo.test/',
      '_gid@.www.shop.zoo.test/deep/',
      '_gid@www.shop.zoo.test/deep/path',
      '_za_x@.zoo.test/',
      'consentry@www.shop.zoo.test/',
      'site@.zoo.test/',
    ]);
  await page.evaluate(() => window.__zoo.choose(['advertising']));
  // Deleted synchronously in the page; the browser's cookie store hears of it a moment later.
  await expect.poll(copies).toEqual(['_fbp@.zoo.test/', 'consentry@www.shop.zoo.test/', 'site@.zoo.test/']);
  await closeContext(context);
});
