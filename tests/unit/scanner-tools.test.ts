import { describe, expect, it } from 'vitest';
import { findScannerTools } from '../../src/node/cli/browser/scanner-tools';
import { InputError } from '../../src/node/cli/errors';

// A stand-in for playwright-core: only its `chromium` launcher is looked at before a page is fetched.
const playwright = {
  chromium: { launch: () => Promise.reject(new Error('not in this test')) },
} as unknown as typeof import('playwright-core');
const installed = () => Promise.resolve(playwright);
const missing = () => Promise.reject(Object.assign(new Error("Cannot find package 'playwright-core'"), { code: 'ERR_MODULE_NOT_FOUND' }));

const failure = async (options: Parameters<typeof findScannerTools>[0]) => {
  const error = await findScannerTools(options).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as Error).message;
};

describe('scan and check say in one line what to install', () => {
  it('finds playwright-core and the browser: --chromium, else CHROMIUM_PATH, else /usr/bin/chromium', async () => {
    const seen: string[] = [];
    const exists = (path: string) => (seen.push(path), true);
    expect(
      (await findScannerTools({ command: 'scan', flag: '/opt/chrome', env: { CHROMIUM_PATH: '/env/chrome' }, exists, load: installed }))
        .executablePath,
    ).toBe('/opt/chrome');
    expect(
      (await findScannerTools({ command: 'scan', env: { CHROMIUM_PATH: '/env/chrome' }, exists, load: installed })).executablePath,
    ).toBe('/env/chrome');
    const tools = await findScannerTools({ command: 'check', env: {}, exists, load: installed });
    expect(tools).toEqual({ chromium: playwright.chromium, executablePath: '/usr/bin/chromium' });
  });

  it('names both when both are missing', async () => {
    expect(await failure({ command: 'scan', env: {}, exists: () => false, load: missing })).toBe(
      'scan needs playwright-core and Chromium: npm i -D playwright-core; Chromium was not found at /usr/bin/chromium (the default path): ' +
        'sudo apt-get install -y chromium (macOS: brew install --cask chromium), or give its path with --chromium or CHROMIUM_PATH',
    );
  });

  it('names only what is missing, and the command it is for', async () => {
    expect(await failure({ command: 'check', env: {}, exists: () => true, load: missing })).toBe(
      'check needs playwright-core (it drives your Chromium): npm i -D playwright-core',
    );
    expect(await failure({ command: 'scan', env: { CHROMIUM_PATH: '/nope' }, exists: () => false, load: installed })).toMatch(
      /^scan needs Chromium: Chromium was not found at \/nope \(CHROMIUM_PATH\): sudo apt-get install -y chromium/,
    );
  });

  it('is one line', async () => {
    expect(await failure({ command: 'scan', env: {}, exists: () => false, load: missing })).not.toMatch(/\n/);
  });
});
