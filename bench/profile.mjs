/**
 * Where a consent SDK's main-thread time goes on the benchmark page, from a Chromium trace and a CPU
 * profile: per-script compile/evaluate time, forced (script-triggered) layouts and style recalcs with
 * the code that forced them, and the functions with the most self time. A diagnostic, not a benchmark.
 *
 *   node bench/profile.mjs [consentry|vanilla-cookieconsent|klaro] [--runs 3] [--readable]
 *
 * --readable profiles an unminified esbuild bundle of src/ (consentry only) so function names are
 * readable; its times are close to, not equal to, the minified build's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './harness/chromium.mjs';

const argument = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const variantId = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'consentry';
const RUNS = Number(argument('--runs') || 3);

const readable = process.argv.includes('--readable') ? await readableBuild() : null;
if (readable) process.env.BENCH_DIST = readable;
const { recordAcceptAll } = await import('./harness/measure.mjs');
const { pageHtml } = await import('./harness/page.mjs');
const { htmlAsset, startSite, startTracker } = await import('./harness/servers.mjs');
const { SDKS } = await import('./harness/variants.mjs');
const { summarizeTrace, summarizeProfile } = await import('./harness/trace-summary.mjs');

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'blink.user_timing',
  'loading',
];

const variant = SDKS.find((s) => s.id === variantId);
if (!variant) throw new Error(`unknown SDK "${variantId}"; one of ${SDKS.map((s) => s.id).join(', ')}`);
const site = await startSite();
const tracker = await startTracker();
const browser = await launchChromium();
try {
  site.add('/p.html', htmlAsset(pageHtml({ ...variant, tracker: tracker.origin, title: variant.name })));
  for (const [path, value] of Object.entries(variant.assets())) site.add(path, value);
  const url = site.origin + '/p.html';
  const storage = await recordAcceptAll(browser, { url, variant });
  for (const visit of ['first', 'returning']) {
    const traces = [];
    for (let run = 0; run < RUNS + 1; run++) {
      const traced = await traceOne(url, visit === 'returning' ? storage : undefined);
      if (run) traces.push(traced); // the first one warms Chromium up
    }
    console.log(`\n# ${variant.name}, ${visit} visit (${RUNS} runs, medians)\n`);
    console.log(
      summarizeTrace(
        traces.map((t) => t.events),
        { sdkPaths: variant.sdkPaths, url },
      ),
    );
    console.log(
      summarizeProfile(
        traces.map((t) => t.profile),
        { sdkPaths: variant.sdkPaths },
      ),
    );
  }
} finally {
  await browser.close();
  await site.close();
  await tracker.close();
  if (readable) rmSync(readable, { recursive: true, force: true });
}

async function traceOne(url, storage) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 }, storageState: storage });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(1200);
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Tracing.end');
    await done;
    return { events, profile };
  } finally {
    await context.close();
  }
}

/** consentry's loader, lazy parts and UI chunk bundled by esbuild without minification, in a temporary folder. */
async function readableBuild() {
  const esbuild = await import('esbuild');
  const out = mkdtempSync(join(tmpdir(), 'consentry-readable-'));
  const root = new URL('../', import.meta.url).pathname;
  const files = [
    ['src/loader/auto.ts', 'consentry.min.js'],
    ['src/parts/parts-entry.ts', 'consentry-parts.min.js'],
    ['src/ui/script-entry.ts', 'consentry-ui.min.js'],
  ];
  for (const [entry, file] of files) {
    await esbuild.build({
      entryPoints: [root + entry],
      outfile: join(out, file),
      bundle: true,
      format: 'iife',
      target: 'es2021',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      mainFields: ['browser', 'module', 'main'],
      logLevel: 'error',
      define: { 'process.env.NODE_ENV': '"production"', __VERSION__: '"readable"' },
    });
  }
  return out;
}
