import type { Browser } from 'playwright-core';
import { InputError } from '../errors';

/**
 * The same flags as the e2e tests: headless, and none of Chromium's own background traffic
 * (updates, sync, safe browsing lists), so the only requests are the scanned site's.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-pings',
  '--metrics-recording-only',
  '--disable-domain-reliability',
];

/** playwright-core is only needed by the CLI, so it is loaded here and its absence explained. */
async function loadPlaywright(): Promise<typeof import('playwright-core')> {
  try {
    return await import('playwright-core');
  } catch {
    throw new InputError('the scanner needs playwright-core (it drives your Chromium): npm install --save-dev playwright-core');
  }
}

export async function launchBrowser(executablePath: string): Promise<Browser> {
  const { chromium } = await loadPlaywright();
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    throw new InputError(`could not start Chromium at ${executablePath}: ${(error as Error).message.split('\n')[0]}`);
  }
}
