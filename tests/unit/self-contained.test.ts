import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { homeOf as tableHome } from '../../scripts/build-tables.mjs';
import { ROOT } from './package-dist';

// The repository must build its own tables from what it holds: a user's clone has nothing beside it
// (the project once read its data from a folder beside the clone, which only the authors' machine had). So the generator runs
// in a copy of the repository's files inside an empty folder, where a path leaving the repository
// finds nothing.

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });

/** The files a clone would have: tracked, plus new ones not yet committed (so the test sees the working tree). */
function repositoryFiles(): string[] {
  return git('ls-files', '-z', '--cached', '--others', '--exclude-standard')
    .split('\0')
    .filter((file) => file && existsSync(join(ROOT, file)));
}

describe('the repository is self-contained', () => {
  // <tmp>/consentry-alone-XXXX/repo: the copy's parent holds nothing else, so no sibling folder exists.
  const alone = mkdtempSync(join(tmpdir(), 'consentry-alone-'));
  const copy = join(alone, 'repo');
  afterAll(() => rmSync(alone, { recursive: true, force: true }));

  it('rebuilds the built-in tables from a copy of the repository alone, identical to the checked-in ones', { timeout: 60_000 }, () => {
    for (const file of repositoryFiles()) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      copyFileSync(join(ROOT, file), join(copy, file));
    }
    expect(readdirSync(alone)).toEqual(['repo']);
    const out = join(alone, 'tables');
    execFileSync(process.execPath, ['scripts/build-tables.mjs', '--out', out, '--quiet'], { cwd: copy, stdio: 'pipe' });
    const homeOf = (file: string): string => join(ROOT, tableHome(file));
    const generated = readdirSync(out).sort();
    expect(generated).toEqual([...readdirSync(homeOf('loader-')), ...readdirSync(homeOf('full-'))].sort());
    for (const file of generated) {
      expect(
        readFileSync(join(out, file), 'utf8') === readFileSync(join(homeOf(file), file), 'utf8'),
        `${file} differs: run npm run tables`,
      ).toBe(true);
    }
  });

  it('has no tracked file outside the docs that reaches into a shared folder beside the repository', () => {
    let hits = '';
    try {
      hits = git('grep', '-n', '-e', '\\.\\./shared', '--', ':!*.md', ':!CHANGELOG*');
    } catch (error) {
      // git grep exits 1 when it finds nothing: the outcome wanted.
      if ((error as { status?: number }).status !== 1) throw error;
    }
    expect(hits).toBe('');
  });
});
