/**
 * `npm run bench`: the same page in headless Chromium with no consent script, consentry,
 * vanilla-cookieconsent and klaro; medians of cold runs for a first and a returning visit; a markdown
 * table with consentry's figures as ratios to vanilla-cookieconsent's from the same run.
 * A benchmark, not a test: it prints what it measured and exits 0 (1 only if it could not measure).
 *
 *   node bench/run.mjs [--runs 5] [--json results.json]
 *
 * Environment: BENCH_RUNS (as --runs); BENCH_DIST=dir (the consentry build to test, default dist/);
 * BENCH_COMPARE=dir1,dir2 (more consentry builds as extra columns of the same run, to judge a change);
 * BENCH_SKIP=klaro,auto-blocker,… (leave SDKs or the auto-blocker figure out).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launchChromium } from './harness/chromium.mjs';
import { measure, recordAcceptAll } from './harness/measure.mjs';
import { pageHtml } from './harness/page.mjs';
import { htmlAsset, startSite, startTracker } from './harness/servers.mjs';
import { baselineLine, markdownTable } from './harness/table.mjs';
import { baselineHeld, baselineRun, comparedBuilds, inlineConfigMarkup, SDKS } from './harness/variants.mjs';
import { sanityNotes } from './harness/sanity.mjs';
import { barsSection } from './harness/bars.mjs';
import { autoBlockerSection } from './harness/auto-blocker-section.mjs';

const argument = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const RUNS = Math.max(1, Number(argument('--runs') || process.env.BENCH_RUNS || 5));
const JSON_OUT = argument('--json');

const notes = [];
const sdks = [...SDKS.slice(0, 1), ...comparedBuilds(), ...SDKS.slice(1)].filter((sdk) => {
  const missing = sdk.files?.().filter((file) => !existsSync(file)) || [];
  if (missing.length) notes.push(`${sdk.name} left out: ${missing.join(', ')} missing (run \`npm run build\`).`);
  return !missing.length;
});

const started = Date.now();
const site = await startSite();
const tracker = await startTracker();
try {
  if (process.env.BENCH_SKIP) sdks.splice(0, sdks.length, ...sdks.filter((s) => !process.env.BENCH_SKIP.split(',').includes(s.id)));
  const variants = [baselineHeld, baselineRun, ...sdks];
  const urls = new Map();
  for (const variant of variants) {
    const path = `/${variant.id}.html`;
    site.add(path, htmlAsset(pageHtml({ ...variant, tracker: tracker.origin, title: variant.name })));
    for (const [assetPath, value] of Object.entries(typeof variant.assets === 'function' ? variant.assets() : variant.assets))
      site.add(assetPath, value);
    urls.set(variant.id, site.origin + path);
  }

  // One browser for the whole run (its first page view, which pays for warming Chromium up, is thrown
  // away); a fresh context, so an empty cache and cookie jar, for every page view measured.
  const browser = await launchChromium();
  const chromiumVersion = browser.version();
  const results = new Map();
  try {
    // Each SDK records its own consent (cookie and storage) once; returning runs replay it into a fresh context.
    const consentCookies = new Map();
    for (const sdk of [...sdks]) {
      try {
        consentCookies.set(sdk.id, await recordAcceptAll(browser, { url: urls.get(sdk.id), variant: sdk }));
      } catch (error) {
        // A build that does not run in the browser yet: measure the others, and say so.
        sdks.splice(sdks.indexOf(sdk), 1);
        notes.push(`${sdk.name} left out: it did not run (${error.message.split('\n')[0]}).`);
      }
    }
    await measure(browser, { url: urls.get(baselineHeld.id), variant: baselineHeld, expectBanner: false });

    for (const v of [baselineHeld, baselineRun, ...sdks]) results.set(v.id, { first: [], returning: [] });
    const plan = [
      { variant: baselineHeld, visit: 'first' },
      { variant: baselineRun, visit: 'returning' },
      ...sdks.flatMap((variant) => [
        { variant, visit: 'first' },
        { variant, visit: 'returning' },
      ]),
    ];
    for (let round = 0; round < RUNS; round++) {
      // The order rotates each round, so drift on a busy machine is shared fairly.
      const order = plan.map((_, i) => plan[(i + round * 2) % plan.length]);
      for (const { variant, visit } of order) {
        const run = await measure(browser, {
          url: urls.get(variant.id),
          variant,
          storage: visit === 'returning' ? consentCookies.get(variant.id) : undefined,
          expectBanner: visit === 'first',
        });
        results.get(variant.id)[visit].push(run);
      }
      process.stderr.write(`round ${round + 1}/${RUNS} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    }
  } finally {
    await browser.close();
  }

  const autoBlocker = (process.env.BENCH_SKIP || '').split(',').includes('auto-blocker')
    ? '_Auto-blocker: skipped (BENCH_SKIP)._'
    : await autoBlockerSection(new URL('./auto-blocker.mjs', import.meta.url), { runs: RUNS });
  notes.push(...sanityNotes(sdks, results));

  console.log(
    `\n## consentry benchmark: median of ${RUNS} cold runs, Chromium ${chromiumVersion} headless, ${new Date().toISOString().slice(0, 10)}\n`,
  );
  const configBytes = sdks.map((sdk) => gzipSync(inlineConfigMarkup(sdk), { level: 9 }).length);
  console.log(markdownTable({ sdks, results, configBytes }));
  console.log('\n' + baselineLine(results));
  console.log(
    'Bytes: gzip -9 bodies of the SDK files (Resource Timing encodedBodySize); inline config markup not included. Added times: median of the variant minus median of the baseline (first visit: tags held; returning: tags run).',
  );
  const bars = barsSection(sdks, results);
  if (bars) console.log('\n' + bars);
  console.log('\n' + autoBlocker);
  if (notes.length) console.log('\nNotes:\n' + notes.map((n) => '- ' + n).join('\n'));
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ runs: RUNS, results: Object.fromEntries(results) }, null, 2));
} finally {
  await site.close();
  await tracker.close();
}
