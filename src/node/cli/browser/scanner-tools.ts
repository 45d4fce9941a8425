import { existsSync } from 'node:fs';
import { InputError } from '../errors';

type Playwright = typeof import('playwright-core');

/** What `scan` and `check` drive: playwright-core's Chromium launcher and the browser binary to start. */
export interface ScannerTools {
  chromium: Playwright['chromium'];
  executablePath: string;
}

export interface ScannerToolsOptions {
  command: 'scan' | 'check';
  /** `--chromium` from the command line. */
  flag?: string;
  env?: NodeJS.ProcessEnv;
  exists?: (path: string) => boolean;
  /** How playwright-core is loaded (a test passes one that fails). */
  load?: () => Promise<Playwright>;
}

/** Debian's Chromium: where `apt-get install chromium` puts it. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export const INSTALL_PLAYWRIGHT = 'npm i -D playwright-core';
export const INSTALL_CHROMIUM = 'sudo apt-get install -y chromium (macOS: brew install --cask chromium)';

/**
 * The two things `scan` and `check` need beyond the package, both found before any page is fetched: the
 * playwright-core package (an optional peer dependency: only these two commands use it) and a Chromium
 * (`--chromium`, else CHROMIUM_PATH, else Debian's /usr/bin/chromium; never downloaded). When either is
 * missing, ONE line says what to install, for both at once: an `InputError`, so exit 2 with no stack.
 */
export async function findScannerTools({
  command,
  flag,
  env = process.env,
  exists = existsSync,
  load = () => import('playwright-core'),
}: ScannerToolsOptions): Promise<ScannerTools> {
  const executablePath = flag || env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  const where = flag ? '--chromium' : env.CHROMIUM_PATH ? 'CHROMIUM_PATH' : 'the default path';
  let playwright: Playwright | undefined;
  try {
    playwright = await load();
  } catch {
    // Reported below, together with a missing browser.
  }
  const hasBrowser = exists(executablePath);
  if (playwright?.chromium && hasBrowser) return { chromium: playwright.chromium, executablePath };

  const browserHelp = `Chromium was not found at ${executablePath} (${where}): ${INSTALL_CHROMIUM}, or give its path with --chromium or CHROMIUM_PATH`;
  if (!playwright?.chromium && !hasBrowser)
    throw new InputError(`${command} needs playwright-core and Chromium: ${INSTALL_PLAYWRIGHT}; ${browserHelp}`);
  if (!playwright?.chromium) throw new InputError(`${command} needs playwright-core (it drives your Chromium): ${INSTALL_PLAYWRIGHT}`);
  throw new InputError(`${command} needs Chromium: ${browserHelp}`);
}
