import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { validateConfig } from '../../../src/core/config/validate';
import { createRewriter } from '../../../src/node/rewrite/create-rewriter';
import {
  CONFIG,
  launchVendorChromium,
  NO_TRACES,
  selfHosted,
  SITE,
  sitePage,
  startVendorServer,
  tracesOf,
  visitorContext,
  type VendorServer,
} from './harness';
import { buildSentryFiles, VENDORS, type Vendor } from './vendors';

/*
 * Issue 18's real-vendor suite. Each vendor's real browser library from npm, loaded by its official snippet,
 * unmarked, under its real host names, on a page whose <head> starts with the built loader and a config that
 * declares only the three categories. For each: before any choice, and after "Reject all" and a reload, no request
 * to any host but the site's, no cookie, no storage key, no IndexedDB database; after "Accept all" the library
 * loads and its first event reaches its ingestion host. The choices are made with the banner's own buttons.
 */

const SETTLE = 1000;
const sentryDir = mkdtempSync(join(tmpdir(), 'consentry-sentry-'));
let vendors: Vendor[] = [];
let browser: Browser;
let server: VendorServer;

beforeAll(async () => {
  await buildSentryFiles(sentryDir);
  server = await startVendorServer();
  vendors = VENDORS(sentryDir);
  // Nothing granted: the rewritten page holds what the HTML names, and the loader releases it on "Accept all".
  const rewriter = createRewriter({ settings: validateConfig(CONFIG), grantedCategories: [] });
  vendors.forEach((vendor, i) => {
    server.serve(vendor);
    const html = sitePage(vendor.snippet);
    server.page(`/v${i}`, vendor.staticTag ? rewriter.rewrite(html, { url: `https://www.${SITE}/v${i}` }) : html);
    server.page(`/raw${i}`, html);
    if (vendor.cdn) server.page(`/own${i}`, sitePage(selfHosted(vendor.snippet, vendor.cdn)));
  });
  browser = await launchVendorChromium(server.port);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(sentryDir, { recursive: true, force: true });
});

let cases = 0;
/** A fresh context on a host name of its own (see SITE). */
async function open(
  index: number,
  path = `/v${index}`,
): Promise<{ context: BrowserContext; started: string[]; page: Page; errors: string[] }> {
  const { context, started } = await visitorContext(browser);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`https://c${++cases}.${SITE}${path}`);
  return { context, started, page, errors };
}

const choose = async (page: Page, button: 'Accept all' | 'Reject all') => {
  await page.getByRole('button', { name: button, exact: true }).first().click();
};

// The vendors run side by side (a context each, a host name per case): most of a case is waiting.
describe.concurrent.each(VENDORS('').map((vendor, index) => [vendor.name, index] as const))('%s', (_name, index) => {
  it('before any choice: no request to a vendor host, no cookie, no storage key, no database', async ({ expect }) => {
    const { context, started, page } = await open(index);
    await page.getByRole('button', { name: 'Reject all', exact: true }).first().waitFor();
    await page.waitForTimeout(SETTLE);
    expect(await tracesOf(context, started, page, server.hits)).toEqual(NO_TRACES);
    await context.close();
  });

  it.runIf(VENDORS('')[index].staticTag)(
    'without the rewriter: only the tag written in the HTML is fetched (by the preload scanner), and never runs',
    async ({ expect }) => {
      const { context, started, page } = await open(index, `/raw${index}`);
      await page.getByRole('button', { name: 'Reject all', exact: true }).first().waitFor();
      await page.waitForTimeout(SETTLE);
      expect(await tracesOf(context, started, page, server.hits)).toEqual({ ...NO_TRACES, requests: [vendors[index].staticTag] });
      await context.close();
    },
  );

  it.runIf(VENDORS('')[index].cdn)(
    'self-hosted (the library runs before any choice): no request to a vendor host, no cookie, no storage key, no database',
    async ({ expect }) => {
      const { context, started, page } = await open(index, `/own${index}`);
      await page.getByRole('button', { name: 'Reject all', exact: true }).first().waitFor();
      await page.waitForTimeout(SETTLE);
      expect(await tracesOf(context, started, page, server.hits)).toEqual(NO_TRACES);
      await context.close();
    },
  );

  it('after "Reject all" and a reload: the same', async ({ expect }) => {
    const { context, started, page } = await open(index);
    await choose(page, 'Reject all');
    await page.reload();
    await page.waitForFunction(() => !!window.Consentry);
    await page.waitForTimeout(SETTLE);
    expect(await tracesOf(context, started, page, server.hits)).toEqual(NO_TRACES);
    await context.close();
  });

  it('after "Accept all": the library loads and its first event reaches its ingestion host', async ({ expect }) => {
    const vendor = vendors[index];
    const { context, page, errors } = await open(index);
    const site = new URL(page.url()).hostname;
    await choose(page, 'Accept all');
    const sent = () => server.hits.some((hit) => hit.site == site && vendor.sent(hit));
    await page.waitForTimeout(SETTLE);
    if (!sent() && vendor.flush) await vendor.flush(page);
    // On failure, what the case did send.
    const outcome = () =>
      sent() ? 'sent' : server.hits.filter((hit) => hit.site == site).map((hit) => `${hit.method} ${hit.host}${hit.path}`);
    await expect.poll(outcome, { timeout: 10_000 }).toBe('sent');
    expect(errors).toEqual([]);
    await context.close();
  });
});
