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
    const { problems = {} } = JSON.parse(output) as {
      problems?: { [kind: string]: { kind: string; entrypoint: string; resolutionKind: string }[] };
    };
    // An ESM-only package is not for require() nor for TypeScript's node10 resolution: what the
    // "esm-only" profile of attw ignores.
    const relevant = Object.values(problems)
      .flat()
      .filter((problem) => problem.resolutionKind != 'node10' && problem.resolutionKind != 'node16-cjs');
    expect(relevant).toEqual([]);
    // Every export is looked at, the script-tag file included (it is typed: window.Consentry). JSON files are
    // typed by TypeScript's resolveJsonModule.
    const entrypoints = JSON.parse(output).analysis.entrypoints;
    expect(Object.keys(entrypoints)).toEqual(expect.arrayContaining(['.', './rewrite', './rewrite/edge', './consentry.min.js']));
    const untyped = Object.entries<{ resolutions: { [kind: string]: { resolution?: { isTypeScript?: boolean; isJson?: boolean } } } }>(
      entrypoints,
    )
      .filter(([, entry]) => {
        const resolution = entry.resolutions.bundler?.resolution;
        return !resolution || !(resolution.isTypeScript || resolution.isJson);
      })
      .map(([name]) => name);
    expect(untyped).toEqual([]);
  });
});
