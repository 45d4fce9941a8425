import { existsSync } from 'node:fs';
import { InputError } from '../errors';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export interface FindChromiumOptions {
  /** `--chromium` from the command line. */
  flag?: string;
  env?: NodeJS.ProcessEnv;
  exists?: (path: string) => boolean;
}

/** The browser to drive: `--chromium`, else CHROMIUM_PATH, else Debian's. Never downloads one. */
export function findChromium({ flag, env = process.env, exists = existsSync }: FindChromiumOptions = {}): string {
  const path = flag || env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  if (exists(path)) return path;
  const where = flag ? '--chromium' : env.CHROMIUM_PATH ? 'CHROMIUM_PATH' : 'the default path';
  throw new InputError(
    `Chromium not found at ${path} (${where}): install it with "sudo apt-get install -y chromium" ` +
      `(or "brew install --cask chromium"), or pass --chromium /path/to/chrome or set CHROMIUM_PATH.`,
  );
}
