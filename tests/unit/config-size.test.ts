import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

/**
 * The validator ships in the loader every page view pays for. Measured as the brief asks: esbuild bundle +
 * minify of src/core/config/validate.ts (its checks, spec, patterns, defaults and ConfigError), zlib gzip level 9,
 * with `_`-prefixed properties mangled as the release build's terser does.
 *
 * Budget: 3.7 KB. What it buys: every rule, a hint per problem, "did you mean", the defaults and the
 * hostile-input limits. The data alone (≈100 key names, the hints, 13 patterns) gzips to about 1.9 KB,
 * which is why the original aim of 1.3 KB is out of reach without dropping features.
 * 3.7 -> 4.4 KB (issue 20, 24): the 43 text keys for "did you mean", prototype-safe ids and alias keys,
 * data layer names every page holds, hidden categories, and hints for "*" names and scheme-less URLs.
 * 4.4 -> 4.65 KB: trusted asset origins (issue 24 #3), IndexedDB storage declarations, the signal texts,
 * and the strict third-party mode's two fields (issue 18).
 * 4.65 -> 5.1 KB: measured 4810 B before issue 19 (over already); separate consents (issue 19 §1: eight
 * fields each, a kind, regions, the legacy `crossBorder` read as one, references from services, two
 * warnings) measured 5196 B, 5227 B after the house move; with the opt-out views' `optOut` and texts and the
 * minors' texts merged, 5288 B -> 5.2 KB.
 * Issue 22 (schema.json generated from the spec): the spec's hand-written checks became `refine`, `narrow` and
 * `either` steps a describer can read, measured 5291 B before and 5281 B after.
 */
const BUDGET = 5.2 * 1024;

it(`validate.ts stays within ${BUDGET} bytes gzipped`, async () => {
  const result = await build({
    entryPoints: [new URL('../../src/core/config/validate.ts', import.meta.url).pathname],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    target: 'es2021',
    mangleProps: /^_[a-z]/,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const gzipped = gzipSync(code, { level: 9 }).length;
  console.log(`config validator: ${code.length} B minified, ${gzipped} B gzipped (budget ${BUDGET} B)`);
  // Nothing but the validator: no UI, no Preact, no other module in the bundle.
  expect(result.outputFiles[0].text).not.toMatch(/preact|nanostores/);
  expect(gzipped).toBeLessThanOrEqual(BUDGET);
});
