#!/usr/bin/env node
/**
 * `npm run check:fresh-clone`: what a new user does, on what is committed. Clones HEAD into an empty folder
 * with nothing beside it, then `npm ci`, `npm test` (the full suite, ~10 min), and `npm run demo`, whose home
 * page and loader are fetched from the URL it prints before it is stopped. Exits 1 at the first step that fails.
 *
 *   node scripts/fresh-clone.mjs [--keep]      --keep leaves the clone in place for a look
 *
 * Too slow for `npm test` (which it runs); tests/unit/fresh-clone.test.ts is the cheap version that does run there.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cloneAlone } from './clone-alone.mjs';
import { checkHomePage, startDemoProcess } from './demo-probe.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const keep = process.argv.includes('--keep');
const log = (line) => process.stdout.write(`[fresh-clone] ${line}\n`);

/** @param {string} dir @param {string[]} args */
function npm(dir, args) {
  const started = Date.now();
  const { status } = spawnSync('npm', args, { cwd: dir, stdio: 'inherit' });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (status !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${status}) after ${seconds} s`);
  log(`npm ${args.join(' ')}: ok in ${seconds} s`);
}

const clone = cloneAlone(REPO);
log(`cloned HEAD into ${clone.dir} (its folder holds nothing else)`);
let failed = false;
try {
  npm(clone.dir, ['ci', '--no-audit', '--no-fund']);
  npm(clone.dir, ['test']);
  // PORT=0: any free port, so a demo already running on 8080 does not get in the way.
  const demo = await startDemoProcess(clone.dir, 'npm', ['run', 'demo'], { env: { ...process.env, PORT: '0' } });
  try {
    const { pageBytes, loaderBytes } = await checkHomePage(demo.url);
    log(`npm run demo: ${demo.url}/ served its home page (${pageBytes} B) and the loader (${loaderBytes} B)`);
  } finally {
    await demo.stop();
  }
  log('a fresh clone installs, passes its tests and runs the demo');
} catch (error) {
  failed = true;
  process.stderr.write(`[fresh-clone] ${/** @type {Error} */ (error).message}\n`);
} finally {
  if (keep) log(`kept ${clone.dir}`);
  else clone.remove();
}
process.exit(failed ? 1 : 0);
