import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const ROOT = new URL('../../', import.meta.url).pathname;

export const sh = (command: string, args: string[]) =>
  execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });

/** The package tests look at the build: make it when it is missing (slow, but never a skipped test). */
export function ensureDist() {
  if (!existsSync(ROOT + 'dist/consentry.mjs') || !existsSync(ROOT + 'dist/consentry.schema.json')) {
    sh('npx', ['rollup', '-c', '--silent']);
    sh('node', ['scripts/copy-schema.mjs']);
  }
}
