// Prints each file's gzip size and SRI hash, and fails the build when a budget is exceeded.
// The budgets are also stated in README.md; tests/unit/budgets.test.ts keeps the two in step.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const BUDGETS = {
  loader: 19.8 * 1024, // consentry.min.js: what every page view pays
  // With a compiled config (the production path): loader + UI chunk (choice parts, styles and English texts inside).
  firstVisit: 38.7 * 1024,
  // With a raw config, validated in the browser: loader + parts (validator) + UI chunk.
  firstVisitRaw: 49.82 * 1024,
  languagePack: 1.7 * 1024, // each dist/i18n/<lang>.min.js
};

const dist = new URL('../dist/', import.meta.url);
const gz = (file) => gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length;
const sri = (file) =>
  'sha384-' +
  createHash('sha384')
    .update(readFileSync(new URL(file, dist)))
    .digest('base64');
const kb = (bytes) => (bytes / 1024).toFixed(2) + ' KB';

export function measure() {
  const packs = existsSync(new URL('i18n/', dist)) ? readdirSync(new URL('i18n/', dist)).map((f) => 'i18n/' + f) : [];
  const files = ['consentry.min.js', 'consentry-parts.min.js', 'consentry-ui.min.js', 'consentry.mjs', ...packs].filter((f) =>
    existsSync(new URL(f, dist)),
  );
  const sizes = Object.fromEntries(files.map((f) => [f, gz(f)]));
  const checks = [
    ['loader (consentry.min.js)', sizes['consentry.min.js'], BUDGETS.loader],
    ['first visit, compiled (loader+UI)', sizes['consentry.min.js'] + sizes['consentry-ui.min.js'], BUDGETS.firstVisit],
    [
      'first visit, raw (loader+parts+UI)',
      sizes['consentry.min.js'] + sizes['consentry-parts.min.js'] + sizes['consentry-ui.min.js'],
      BUDGETS.firstVisitRaw,
    ],
    ...packs.map((f) => [`language pack ${f}`, sizes[f], BUDGETS.languagePack]),
  ];
  return { files, sizes, checks };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { files, sizes, checks } = measure();
  console.log('\nfile                          gzip       SRI');
  for (const f of files) console.log(`${f.padEnd(30)}${kb(sizes[f]).padEnd(11)}${f.endsWith('.min.js') ? sri(f) : ''}`);
  console.log('\nbudget                               size      limit');
  let over = 0;
  for (const [name, size, limit] of checks) {
    const ok = size <= limit;
    if (!ok) over++;
    console.log(`${ok ? 'ok  ' : 'OVER'} ${name.padEnd(32)}${kb(size).padEnd(10)}${kb(limit)}`);
  }
  if (over) {
    console.error(`\n${over} size budget(s) exceeded`);
    process.exit(1);
  }
}
