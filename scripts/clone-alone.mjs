/**
 * A clone of the repository as a new user gets it: `git clone` of the committed HEAD into
 * `<tmp>/consentry-…/consentry`, a folder with nothing beside it. A path that reaches outside the
 * repository (a data folder next to the author's checkout, say) then finds nothing, as on the user's machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * @param {string} repo  the repository (or worktree) to clone; its checked-out HEAD is what is cloned
 * @returns {{ dir: string, remove: () => void }}
 */
export function cloneAlone(repo) {
  const outer = mkdtempSync(join(tmpdir(), 'consentry-fresh-'));
  const dir = join(outer, 'consentry');
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
  // --no-hardlinks: the clone shares no object file with the repository it came from.
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', repo, dir], { stdio: 'pipe' });
  execFileSync('git', ['checkout', '--quiet', '--detach', head], { cwd: dir, stdio: 'pipe' });
  return { dir, remove: () => rmSync(outer, { recursive: true, force: true }) };
}
