import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { launchChromium, newContext } from './helpers/browser';
import { settle, view } from './zoo/visit';
import { startZoo, type Zoo } from './zoo/zoo';
import { closeContext } from './helpers/close-context';

/* Placeholders for held iframes (src/parts/placeholder.ts), as the zoo's loader stand-in wires them. */

let browser: Browser;
let zoo: Zoo;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  zoo = await startZoo();
});
afterAll(async () => {
  await browser?.close();
  await zoo?.close();
});
beforeEach(async (test) => {
  context = await newContext(browser);
  await zoo.routeRealHosts(context);
  test.onTestFinished(() => closeContext(context));
  page = await context.newPage();
  await page.goto(zoo.site + '/');
  await settle(page, zoo.hits);
  zoo.hits.length = 0;
});

const placeholder = () => page.locator('#m-iframe').locator('xpath=preceding-sibling::*[1]');

test('a held iframe is replaced by a box of its size naming its service and category', async () => {
  const box = placeholder();
  expect(await box.getAttribute('data-consentry-placeholder')).toBe('advertising');
  expect(await box.boundingBox()).toMatchObject({ width: 320, height: 180 });
  expect(await box.locator('p').textContent()).toBe('This content from video is blocked until you allow advertising cookies.');
  expect(await box.locator('button').allTextContents()).toEqual(['Load once', 'Always allow advertising']);
  expect(await page.locator('#m-iframe').isVisible()).toBe(false);
});

test('"Load once" activates that embed only, without granting anything', async () => {
  await placeholder().locator('button', { hasText: 'Load once' }).click();
  await settle(page, zoo.hits);
  expect(zoo.hits).toEqual(['B:/f/m-iframe.html']);
  expect((await view(page)).messages).toEqual(['frame:m-iframe']);
  expect(await page.locator('#m-iframe').isVisible()).toBe(true);
  expect(await page.locator('[data-consentry-placeholder]').count()).toBe(4);
  expect(await page.evaluate(() => document.cookie)).not.toContain('consentry');
  // Moving the loaded embed does not hold it again.
  await page.evaluate(() => document.body.append(document.getElementById('m-iframe')!));
  expect(await page.locator('#m-iframe').getAttribute('src')).toMatch(/\/f\/m-iframe\.html$/);
});

test('"Always allow <category>" grants the category: every held tag of it loads and the placeholders go', async () => {
  await placeholder().locator('button', { hasText: 'Always allow' }).click();
  await settle(page, zoo.hits);
  expect(await page.evaluate(() => document.cookie)).toContain('consentry=advertising');
  expect(zoo.hits).toEqual(
    expect.arrayContaining(['B:/f/m-iframe.html', 'B:/s/m-service.js', 'B:/f/u-before.html', 'B:/p/u-new-image.gif']),
  );
  expect(await page.locator('[data-consentry-placeholder]').count()).toBe(0);
  expect(await page.locator('#m-iframe').isVisible()).toBe(true);
});
