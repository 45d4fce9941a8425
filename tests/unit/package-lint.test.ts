import { readFileSync } from 'node:fs';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDist, ROOT, sh } from './package-dist';

// publint and @arethetypeswrong/cli on the package as it would be published.

const pkg = JSON.parse(readFileSync(ROOT + 'package.json', 'utf8'));

beforeAll(ensureDist, 600_000);

describe('package lint', () => {
  it('publint finds no error or warning', { timeout: 300_000 }, async () => {
    const { messages } = await publint({ pkgDir: ROOT, level: 'warning', pack: 'npm' });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg)}`)).toEqual([]);
  });

  it('are-the-types-wrong finds no problem for the ESM entries (esm-only profile)', { timeout: 600_000 }, () => {
    let output: string;
    try {
      output = sh('npx', ['attw', '--pack', '.', '--format', 'json']);
    } catch (error) {
      // attw exits 1 when it reports anything; the report is still on stdout.
      output = (error as { stdout: string }).stdout;
    }
    const { problems = {} } = JSON.parse(output) as { problems?: { [kind: string]: { kind: string; entrypoint: string; resolutionKind: string }[] } };
    // An ESM-only package is not for require() nor for TypeScript's node10 resolution: what the
    // "esm-only" profile of attw ignores.
    const relevant = Object.values(problems)
      .flat()
      .filter((problem) => problem.resolutionKind != 'node10' && problem.resolutionKind != 'node16-cjs');
    // The script-tag file is a browser script imported for its side effect only: untyped is expected.
    const unexpected = relevant.filter((problem) => !(problem.entrypoint == './consentry.min.js' && problem.kind == 'UntypedResolution'));
    expect(unexpected).toEqual([]);
    expect(Object.keys(JSON.parse(output).analysis.entrypoints)).toContain('.');
  });
});
