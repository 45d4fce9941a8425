import { chromium, type Browser } from 'playwright-core';

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

export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}
