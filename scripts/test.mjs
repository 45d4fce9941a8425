// `npm test`: gets Chromium if it is missing, builds, type-checks (`tsc`) and lints (Biome: format and lint
// rules, biome.jsonc), each counted as one test, runs every
// suite (unit, ui, e2e) once, and ends with one plain line "N passed, N failed" totalled over all of them
// (also written to .test-summary).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const run = (command, args, options = {}) => spawnSync(command, args, { stdio: 'inherit', ...options }).status ?? 1;

function ensureChromium() {
  if (existsSync(chromium)) return;
  const root = process.getuid?.() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log(`Chromium not found at ${chromium}: installing Debian's package…`);
    if (
      run('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null']) === 0 &&
      existsSync(chromium)
    )
      return;
  }
  console.error(`Chromium is missing: install it with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH), then run npm test again.`);
  process.exit(1);
}

function summarize(passed, failed, note = '') {
  const line = `${passed} passed, ${failed} failed`;
  writeFileSync('.test-summary', line + '\n');
  if (note) console.log(note);
  console.log(line);
}

ensureChromium();
if (run('npm', ['run', 'build']) !== 0) {
  summarize(0, 1, 'The build failed (see above).');
  process.exit(1);
}

// Vitest strips types without checking them: a type error would otherwise pass every suite.
const typecheckFailed = run('npm', ['run', 'typecheck']) !== 0;
if (typecheckFailed) console.error('Type check failed (see above): counted as 1 failed test.');
// One style and the lint rules, checked, never rewritten here (`npm run format` rewrites).
const lintFailed = run('npm', ['run', 'lint']) !== 0;
if (lintFailed) console.error('Lint failed (see above; `npm run format` fixes formatting): counted as 1 failed test.');

const results = '.vitest-results.json';
rmSync(results, { force: true });
const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${results}`, ...process.argv.slice(2)]);
let passed = 0;
let failed = 0;
if (existsSync(results)) {
  const report = JSON.parse(readFileSync(results, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numFailedTestSuites && !report.numFailedTests ? report.numFailedTestSuites : 0);
}
if (status !== 0 && failed === 0) failed = 1; // a suite that crashed before reporting still counts as a failure
for (const checkFailed of [typecheckFailed, lintFailed]) {
  if (checkFailed) failed += 1;
  else passed += 1;
}
summarize(passed, failed);
process.exit(status === 0 && failed === 0 ? 0 : 1);
