import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = new URL('../../', import.meta.url).pathname;

export const sh = (command: string, args: string[]) =>
  execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });

const built = () => existsSync(ROOT + 'dist/consentry.mjs') && existsSync(ROOT + 'dist/consentry.schema.json');
const LOCK = ROOT + 'node_modules/.cache/consentry-package-tests.lock';

/**
 * The package tests look at the build: make it when it is missing (slow, but never a skipped test). The
 * package test files run in parallel: one builds (an atomic mkdir is the lock), the others wait for it.
 */
export async function ensureDist() {
  if (built()) return;
  mkdirSync(ROOT + 'node_modules/.cache', { recursive: true });
  try {
    mkdirSync(LOCK);
  } catch {
    // A lock older than a build can take was left by a run that was killed.
    while (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs < 10 * 60_000) await sleep(500);
    rmSync(LOCK, { recursive: true, force: true });
    if (built()) return;
    return ensureDist();
  }
  try {
    sh('npx', ['rollup', '-c', '--silent']);
    sh('node', ['scripts/copy-schema.mjs']);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
