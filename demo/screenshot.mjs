#!/usr/bin/env node
/**
 * Screenshots of every demo page before and after consent, with the demo panel open, at 1280 and
 * 375 px wide, in English and Chinese, into screenshots/demo/ (git-ignored). Needs `npm run build` first.
 *
 *   node demo/screenshot.mjs [--lang en|zh] [--page home,blog] [--full] [--visitor US-CA+gpc]
 *
 * Files are named <lang>-<page>-<width>-<before|after>.png; with --full they show the whole page
 * instead of the first screen. --visitor simulates a region and Global Privacy Control, as the demo's
 * `?region=…&gpc=1` does ("US-CA+gpc", "DE", "US-NY+gpc"); its files are named <visitor>-<lang>-….
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import CHROMIUM_ARGS from '../src/node/cli/browser/chromium-args.json' with { type: 'json' };
import { startDemo } from './server.mjs';

const OUT_DIR = fileURLToPath(new URL('../screenshots/demo/', import.meta.url));
/** Same browser and flags as the e2e tests and the scanner (Debian Chromium, never a downloaded one). */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const PAGES = {
  home: '/',
  pricing: '/pricing',
  blog: '/blog/edge-caching-explained',
  contact: '/contact',
  privacy: '/privacy',
  playground: '/playground',
  receipts: '/receipts',
  spa: '/spa/',
};

const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
];

const ACCEPT = { en: 'Accept all', zh: '全部接受' };

/**
 * A whole-page shot grows the viewport to the page instead of using `fullPage`: Chromium does not paint
 * cross-origin iframes outside the viewport, so embeds and ads would come out blank.
 */
async function shoot(tab, path, full) {
  const viewport = tab.viewportSize();
  if (full && viewport) {
    const height = await tab.evaluate(() => document.documentElement.scrollHeight);
    await tab.setViewportSize({ width: viewport.width, height });
    await tab.waitForTimeout(800);
  }
  await tab.screenshot({ path });
  if (full && viewport) await tab.setViewportSize(viewport);
}

function option(argv, flag) {
  const index = argv.indexOf(flag);
  return index >= 0 ? argv[index + 1] : undefined;
}

async function main() {
  const argv = process.argv.slice(2);
  const languages = option(argv, '--lang') ? [option(argv, '--lang')] : ['en', 'zh'];
  const pages = option(argv, '--page') ? option(argv, '--page').split(',') : Object.keys(PAGES);
  const full = argv.includes('--full');
  const visitor = option(argv, '--visitor') || '';
  const [region = '', gpc] = visitor.split('+');
  const query = visitor ? `?region=${encodeURIComponent(region)}&gpc=${gpc === 'gpc' ? 1 : 0}` : '';
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}`);
  mkdirSync(OUT_DIR, { recursive: true });

  const dataDir = join(tmpdir(), `consentry-demo-shots-${process.pid}`);
  const demo = await startDemo({ quiet: true, dataDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const written = [];
  try {
    for (const language of languages) {
      for (const page of pages) {
        for (const viewport of WIDTHS) {
          const context = await browser.newContext({
            viewport,
            deviceScaleFactor: 1,
            locale: language === 'zh' ? 'zh-CN' : 'en-US',
            isMobile: viewport.width < 600,
            hasTouch: viewport.width < 600,
          });
          await context.addCookies([{ name: 'lang', value: language, url: demo.url }]);
          const tab = await context.newPage();
          const consoleErrors = [];
          tab.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
          tab.on('pageerror', (error) => consoleErrors.push(String(error)));
          demo.clearHits(); // the panel then shows this page's hits only
          await tab.goto(demo.url + PAGES[page] + query, { waitUntil: 'load' });
          const accept = tab.getByRole('button', { name: ACCEPT[language], exact: true }).first();
          await accept.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
          const show = tab.locator('#demo-panel').getByRole('button', { name: 'Show' });
          if (await show.isVisible()) await show.click(); // collapsed by default on a phone
          await tab.waitForTimeout(1200); // one panel poll
          const base = `${visitor ? visitor.replace('+', '-') + '-' : ''}${language}-${page}-${viewport.width}`;
          await shoot(tab, join(OUT_DIR, `${base}-before.png`), full);
          written.push(`${base}-before.png`);
          if (await accept.isVisible()) {
            await accept.click();
            await tab.waitForTimeout(2500); // tags load, third parties answer, the panel polls
          }
          await tab.evaluate(() => window.scrollTo(0, 0));
          await shoot(tab, join(OUT_DIR, `${base}-after.png`), full);
          written.push(`${base}-after.png`);
          if (consoleErrors.length) console.warn(`${base}: console errors:\n  ${consoleErrors.join('\n  ')}`);
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await demo.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`${written.length} screenshots in ${OUT_DIR}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
