import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../src/node/cli/browser/launch';
import { loopbackHosts } from './loopback-hosts';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// One flag list for the product's scanner and the tests: headless, none of Chromium's own background traffic.
export { CHROMIUM_ARGS };

export interface LaunchOptions {
  /** Host names (`*.` for every subdomain) that resolve to 127.0.0.1 in this browser. */
  loopback?: readonly string[];
}

export async function launchChromium({ loopback = [] }: LaunchOptions = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run "apt-get install -y chromium" or set CHROMIUM_PATH`);
  }
  const args = [...CHROMIUM_ARGS, ...(loopback.length ? [loopbackHosts(loopback)] : [])];
  return chromium.launch({ executablePath: CHROMIUM_PATH, args, headless: true });
}

/** A fresh profile per scenario, so no cookie or storage crosses tests. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}) {
  return browser.newContext({ locale: 'en-US', ...options });
}

/** A fresh profile with one page in it. */
export async function newTab(browser: Browser, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; tab: Page }> {
  const context = await newContext(browser, options);
  return { context, tab: await context.newPage() };
}
