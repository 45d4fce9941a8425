import type { Browser } from 'playwright-core';
import chromiumArgs from './chromium-args.json';
import { InputError } from '../errors';
import type { ScannerTools } from './scanner-tools';

/**
 * Headless, and none of Chromium's own background traffic (updates, sync, safe browsing lists), so the only
 * requests are the page's. One list for the scanner, the e2e tests, the benches and the demo's screenshots
 * (JSON, so the plain .mjs scripts import it too).
 */
export const CHROMIUM_ARGS: readonly string[] = chromiumArgs;

/** Starts the Chromium that `findScannerTools` found, as the scanner drives it. */
export async function launchBrowser({ chromium, executablePath }: ScannerTools): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
  } catch (error) {
    throw new InputError(`could not start Chromium at ${executablePath}: ${(error as Error).message.split('\n')[0]}`);
  }
}
