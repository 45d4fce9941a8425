import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { END, START, browserFiles, sriOf, sriTable } from '../../scripts/sri.mjs';

// Runs after `npm run build` (npm test builds first). The build never writes README: a change to the
// browser files without `npm run sri` makes this fail, so README's hashes are always this build's.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('SRI hashes in README', () => {
  it('are those of the browser files this source builds, one row per file', () => {
    for (const file of browserFiles()) expect(existsSync(new URL('../../dist/' + file, import.meta.url)), file).toBe(true);
    const section = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
    expect(section).toBe(sriTable());
    expect(section).toContain(sriOf('consentry.min.js'));
    expect(section.match(/sha384-[A-Za-z0-9+/]{64}/g)).toHaveLength(browserFiles().length);
  });
});
