import type { Browser } from 'playwright-core';
import { InputError } from '../errors';
import type { ScannerTools } from './scanner-tools';

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

/** Starts the Chromium that `findScannerTools` found, as the scanner drives it. */
export async function launchBrowser({ chromium, executablePath }: ScannerTools): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    throw new InputError(`could not start Chromium at ${executablePath}: ${(error as Error).message.split('\n')[0]}`);
  }
}
