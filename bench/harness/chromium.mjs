import { chromium } from 'playwright-core';
import CHROMIUM_ARGS from '../../src/node/cli/browser/chromium-args.json' with { type: 'json' };

// Debian's Chromium, never a downloaded browser, with the scanner's and the e2e tests' flags.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export { CHROMIUM_ARGS };

export const launchChromium = () => chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
