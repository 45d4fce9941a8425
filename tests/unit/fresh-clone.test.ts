import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneAlone } from '../../scripts/clone-alone.mjs';
import { checkHomePage, startDemoProcess } from '../../scripts/demo-probe.mjs';
import { ROOT } from './package-dist';

// The cheap half of `npm run check:fresh-clone` (which also runs `npm ci` and the whole suite, too slow to
// run inside it): the committed HEAD, cloned into a folder with nothing beside it, builds and serves its
// demo. node_modules is a hard-linked copy of this checkout's (installing would take minutes); the build
// writes only to the clone's dist/.

describe('a fresh clone of HEAD', () => {
  let clone: ReturnType<typeof cloneAlone>;
  beforeAll(() => {
    clone = cloneAlone(ROOT);
  }, 60_000);
  afterAll(() => clone?.remove(), 60_000); // tens of thousands of hard links to unlink

  it('builds and serves the demo home page, with nothing beside it', { timeout: 120_000 }, async () => {
    expect(readdirSync(dirname(clone.dir))).toEqual(['consentry']);
    expect(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: clone.dir, encoding: 'utf8' })).toBe(
      execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }),
    );
    execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(clone.dir, 'node_modules')]);
    execFileSync('npm', ['run', 'build'], { cwd: clone.dir, stdio: 'pipe' });
    expect(existsSync(join(clone.dir, 'dist/consentry.min.js'))).toBe(true);

    const demo = await startDemoProcess(clone.dir, process.execPath, ['demo/server.mjs', '--port', '0'], { timeoutMs: 30_000 });
    try {
      const { loaderBytes } = await checkHomePage(demo.url);
      expect(loaderBytes).toBeGreaterThan(10_000);
    } finally {
      await demo.stop();
    }
  });
});
