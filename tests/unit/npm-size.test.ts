import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureNpmBuild } from '../../scripts/npm-size.mjs';
import { ensureDist, ROOT } from './package-dist';

// The npm build's size as the docs state it (docs/quick-start.md, README.md) against what esbuild makes of
// this build (scripts/npm-size.mjs). A change that moves a figure by more than half a kilobyte fails here
// until the docs say the new figure.

const TOLERANCE = 512;
/** The sentence, wrapped anywhere. */
const STATED = new RegExp(
  String.raw`\*\*([\d.]+) KB\*\* on every page, \*\*([\d.]+) KB\*\* more when the banner or dialog is shown, \*\*([\d.]+) KB\*\* in one file without splitting`.replaceAll(
    ' ',
    String.raw`\s+`,
  ),
);

function statedIn(file: string) {
  const match = readFileSync(ROOT + file, 'utf8').match(STATED);
  if (!match) throw new Error(`${file} no longer states the npm build's size in the sentence this test reads`);
  const [start, ui, unsplit] = match.slice(1).map((kb) => Math.round(Number(kb) * 1024));
  return { start, ui, unsplit };
}

let measured: { start: number; ui: number; unsplit: number };
beforeAll(async () => {
  await ensureDist();
  measured = await measureNpmBuild();
}, 120_000);

describe("the npm build's size in the docs", () => {
  it.each(['docs/quick-start.md', 'README.md'])('%s states what esbuild makes of this build, within 0.5 KB', (file) => {
    const stated = statedIn(file);
    for (const part of ['start', 'ui', 'unsplit'] as const) {
      expect(
        Math.abs(stated[part] - measured[part]),
        `${part}: ${file} says ${(stated[part] / 1024).toFixed(1)} KB, the build makes ${(measured[part] / 1024).toFixed(1)} KB (node scripts/npm-size.mjs)`,
      ).toBeLessThanOrEqual(TOLERANCE);
    }
  });
});
