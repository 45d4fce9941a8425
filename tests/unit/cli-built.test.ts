import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The published `consentry` command is dist/cli.mjs (bin/consentry.mjs picks it outside a checkout).
const cli = new URL('../../dist/cli.mjs', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

describe.runIf(existsSync(cli))('the built consentry command', () => {
  it('rewrite: holds a static tracker tag of a static site', () => {
    const dir = mkdtempSync(join(tmpdir(), 'consentry-cli-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script src="https://hm.baidu.com/hm.js?1"></script><p>hi</p>');
    const result = run('rewrite', dir, join(dir, 'out'));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/1 changed, 1 tag\(s\) held/);
    expect(readFileSync(join(dir, 'out/index.html'), 'utf8')).toContain('data-src="https://hm.baidu.com/hm.js?1"');
  });

  it('migrate: converts a klaro config into one that validates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'consentry-cli-'));
    const file = join(dir, 'klaro.json');
    writeFileSync(file, JSON.stringify({ services: [{ name: 'googleAnalytics', purposes: ['analytics'], cookies: ['_ga'] }] }));
    const result = run('migrate', file);
    expect(result.status).toBe(0);
    const config = JSON.parse(result.stdout);
    expect(JSON.stringify(config)).toContain('_ga');
  });

  // That it imports nothing but node: built-ins and playwright-core is checked by hardening-supply-chain.test.ts.

  it('bad input: exit 2 with a readable line', () => {
    const result = run('rewrite', '/nonexistent-dir-of-consentry', '/tmp/x');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^consentry: /);
    expect(run('scan').status).toBe(2);
  });
});
