import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './package-dist';

// scripts/test.mjs (`npm test`) with stand-ins for npm and npx on PATH, so that the build, the type check, the
// lint and the suites "run" in milliseconds with the outcome each case needs.

const scratch = mkdtempSync(join(tmpdir(), 'consentry-test-runner-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runTests({ typecheck, lint = 0, passed, failed }: { typecheck: 0 | 1; lint?: 0 | 1; passed: number; failed: number }) {
  const dir = mkdtempSync(join(scratch, 'run-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const script = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  script('npm', `[ "$2" = typecheck ] && exit ${typecheck}\n[ "$2" = lint ] && exit ${lint}\nexit 0`);
  const report = JSON.stringify({ numPassedTests: passed, numFailedTests: failed, numFailedTestSuites: 0 });
  script('npx', `echo '${report}' > .vitest-results.json\nexit ${failed ? 1 : 0}`);
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/test.mjs')], {
    cwd: dir,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, CHROMIUM_PATH: process.execPath },
    encoding: 'utf8',
  });
  return { status: result.status, summary: readFileSync(join(dir, '.test-summary'), 'utf8').trim() };
}

describe('npm test', () => {
  it('counts the type check and the lint as tests that pass', () => {
    expect(runTests({ typecheck: 0, passed: 5, failed: 0 })).toEqual({ status: 0, summary: '7 passed, 0 failed' });
  });

  it('fails, and counts one failure, when the type check fails though every suite passes', () => {
    expect(runTests({ typecheck: 1, passed: 5, failed: 0 })).toEqual({ status: 1, summary: '6 passed, 1 failed' });
  });

  it('fails, and counts one failure, when the lint fails though every suite passes', () => {
    expect(runTests({ typecheck: 0, lint: 1, passed: 5, failed: 0 })).toEqual({ status: 1, summary: '6 passed, 1 failed' });
  });
});
