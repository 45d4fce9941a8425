#!/usr/bin/env node
// Benchmark of `consentry scan`: 20 pages of the demo site (started here on free loopback ports),
// through the real command in a child process. Prints the wall time; the target is under 60 s.
//   node bench/scan.mjs [--pages 20] [--concurrency N] [--no-reload]      (after `npm run build`)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const flag = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const pages = Number(flag('--pages', '20'));
const concurrency = flag('--concurrency', undefined);
const noReload = process.argv.includes('--no-reload');
const demoModule = process.env.SCANNER_DEMO_MODULE || join(root, 'demo/server.mjs');

/**
 * User + system seconds of this process's waited-for children and their descendants (Linux
 * /proc/self/stat cutime + cstime): how much CPU the scan took, whatever else runs on the machine.
 */
function childrenCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'consentry-bench-scan-'));
const { startDemo } = await import(pathToFileURL(demoModule).href);
const demo = await startDemo({ port: 0, quiet: true, dataDir: join(dir, 'receipts') });
try {
  const args = [
    join(root, 'bin/consentry.mjs'),
    'scan',
    demo.url + '/',
    '--max-pages',
    String(pages),
    '--out',
    join(dir, 'out'),
    '--quiet',
  ];
  if (concurrency) args.push('--concurrency', concurrency);
  if (noReload) args.push('--no-reload');
  const load = loadavg()[0];
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', resolve);
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = childrenCpuSeconds() - cpuBefore;
  if (code !== 0) throw new Error(`consentry scan exited with ${code}`);
  const report = JSON.parse(readFileSync(join(dir, 'out/scan.json'), 'utf8'));
  const scanned = report.pages.filter((page) => !page.error).length;
  console.log(
    `consentry scan: ${report.pages.length} demo pages (${scanned} scanned, ${report.pages.length - scanned} not HTML or failed) in ${seconds.toFixed(1)} s`,
  );
  console.log(
    `  ${(seconds / report.pages.length).toFixed(2)} s per page; ${report.cookies.length} cookies, ${report.storage.length} storage keys, ${report.requests.length} third-party origins/services`,
  );
  console.log(`  CPU time of the command and its Chromium: ${Number.isNaN(cpu) ? 'unknown' : cpu.toFixed(1) + ' s'}`);
  console.log(`  load average at start: ${load.toFixed(1)} on ${cpus().length} cores; target < 60 s: ${seconds < 60 ? 'met' : 'NOT met'}`);
} finally {
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
}
