import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../src/node/cli/browser/launch';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// One flag list for the product's scanner and the tests: headless, none of Chromium's own background traffic.
export { CHROMIUM_ARGS };

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run "apt-get install -y chromium" or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh profile per scenario, so no cookie or storage crosses tests. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}) {
  return browser.newContext({ locale: 'en-US', ...options });
}
