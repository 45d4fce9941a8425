import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createReceiptStore,
  createReceiptsService,
  openPGlite,
  receiptsHandler,
  type ReceiptStore,
  type ReceiptsService,
} from '../../src/node/receipts';
import { launchChromium, newContext } from './helpers/browser';
import { closeContext } from './helpers/close-context';

const TOKEN = 'admin-token-e2e';
let browser: Browser;
let store: ReceiptStore;
let service: ReceiptsService;
let server: Server;
let origin: string;

beforeAll(async () => {
  browser = await launchChromium();
  store = await createReceiptStore(await openPGlite());
  service = createReceiptsService({ store, adminToken: TOKEN, batch: { flushMs: 1 } });
  server = createServer(receiptsHandler(service));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const [consentId, advertising] of [
    ['visitor-anne-01', false],
    ['visitor-bob-002', true],
  ] as const) {
    await fetch(origin + '/consent-receipts', {
      method: 'POST',
      body: JSON.stringify({
        consentId,
        time: new Date().toISOString(),
        revision: 2,
        method: 'custom',
        regime: 'opt-in',
        region: 'FR',
        language: 'fr',
        categories: { analytics: true, advertising },
        services: {},
        url: 'https://shop.example/?q=1',
      }),
    });
  }
});
afterAll(async () => {
  await browser?.close();
  await service?.close();
  await new Promise((resolve) => server?.close(resolve));
  await store?.close();
});

/** axe-core on the page; the admin page's CSP allows no script, so the test context bypasses CSP to inject it. */
async function axe(page: Page) {
  await page.addScriptTag({ content: await readFile('node_modules/axe-core/axe.min.js', 'utf8') });
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  });
}

describe('receipts admin page', () => {
  it('asks for the token, signs in with it, searches by consent id and offers exports; no axe violation', async () => {
    const context = await newContext(browser, { bypassCSP: true });
    const page = await context.newPage();
    const first = await page.goto(origin + '/consent-receipts/admin');
    expect(first!.status()).toBe(401);
    expect(first!.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(await axe(page)).toEqual([]);

    await page.getByLabel('Admin token').fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not valid');

    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('table').waitFor();
    expect(await page.locator('caption').textContent()).toBe('Receipts found: 2');

    await page.getByLabel('Consent id').fill('visitor-anne-01');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('caption').textContent()).toBe('Receipts found: 1');
    const row = await page.locator('tbody tr').textContent();
    expect(row).toContain('visitor-anne-01');
    expect(row).toContain('refused: advertising');
    expect(row).toContain('https://shop.example/');
    expect(row).not.toContain('q=1');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/receipts-admin.png', fullPage: true }).catch(() => undefined);

    const csvHref = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
    expect(csvHref).toContain('consentId=visitor-anne-01');
    const csv = await page.evaluate((href) => fetch(href!).then((r) => r.text()), csvHref);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2);
    await closeContext(context);
  });
});
