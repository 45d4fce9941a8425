/**
 * The floor under issue 8's bars: what the loader duties the issue itself lists cost, built and measured
 * without anything else. Those duties are: read the consent record, apply the regional defaults and the
 * Consent Mode default, install the gating, the auto-blocker and the cookie and storage guards (with the
 * built-in tables), and activate what is granted. Left out are the public API, events, lazy loading of the UI,
 * the reopen button, integrations other than Consent Mode and every fallback for a missing config.
 *
 *   node bench/floor.mjs [--runs 7]
 *
 * Prints (1) the gzip size of that duties-only loader, built with the release build's own rollup
 * options, and what leaving each duty out saves; (2) a returning visitor's page (accepted all earlier)
 * on the benchmark page with the real loader, the duties-only loader and vanilla-cookieconsent: SDK
 * bytes and main-thread CPU added over the page without a consent script, medians of cold runs. It also
 * prints Preact's own size, the floor under the first visit's UI.
 * A diagnostic, not a test: it exits 0 whatever it finds.
 */
import { mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { browserScript } from '../rollup.config.mjs';
import { launchChromium } from './harness/chromium.mjs';
import { measure, recordAcceptAll } from './harness/measure.mjs';
import { pageHtml } from './harness/page.mjs';
import { htmlAsset, startSite, startTracker } from './harness/servers.mjs';
import { median } from './harness/stats.mjs';
import { baselineRun, consentry, consentryDist, consentryVariant, SDKS } from './harness/variants.mjs';

const RUNS = Math.max(1, Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7);
const SRC = new URL('../src/', import.meta.url).pathname;
const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

/** Each duty: what it imports and the line that installs it, in the order the real loader installs them. */
const DUTIES = [
  {
    name: 'auto-blocker (network and write guards, host table)',
    imports: { installAutoBlocker: 'loader/effects/auto-blocker' },
    install: 'installAutoBlocker(deps);',
  },
  { name: 'gate (activates granted tags)', imports: { installGate: 'loader/effects/gate' }, install: 'installGate(deps);' },
  {
    name: 'cookie guard (cookie table)',
    imports: { installCookieGuard: 'loader/effects/cookie-guard' },
    install: 'installCookieGuard(deps);',
  },
  {
    name: 'storage guard (storage table)',
    imports: { installStorageGuard: 'loader/effects/storage-guard' },
    install: 'installStorageGuard(deps);',
  },
  {
    name: 'Consent Mode default and update',
    imports: { installGoogleConsentMode: 'loader/effects/integrations/google-consent-mode' },
    configured: 'installGoogleConsentMode({ ...deps, settings });',
  },
];

/**
 * The duties-only loader as source: the inline compiled config's Settings, checked as the real loader
 * checks them (so no validator), the record read and decided, then the duties. `leaveOut` drops one duty.
 */
const entrySource = (leaveOut) => {
  const duties = DUTIES.filter((duty) => duty !== leaveOut);
  const imports = {
    atom: 'nanostores',
    decide: SRC + 'core/policy/decide.ts',
    readSignals: SRC + 'loader/read-signals.ts',
    readCompiled: SRC + 'core/config/compiled.ts',
    deepFreeze: SRC + 'core/config/deep-freeze.ts',
    ...Object.fromEntries(duties.flatMap((duty) => Object.entries(duty.imports).map(([name, path]) => [name, SRC + path + '.ts']))),
  };
  return [
    ...Object.entries(imports).map(([name, from]) => `import { ${name} } from ${JSON.stringify(from)};`),
    'const $state = atom({ categories: { essential: true }, services: {} });',
    'const $settings = atom(null);',
    'const deps = { $state, $settings, emit() {} };',
    ...duties.filter((duty) => duty.install).map((duty) => duty.install),
    'const take = () => {',
    "  const text = document.getElementById('consentry-config')?.textContent;",
    '  if (!text) return false;',
    '  observer.disconnect();',
    // The production path: a compiled config, checked as the real loader checks it (no validator).
    `  const settings = readCompiled(JSON.parse(text), ${JSON.stringify(VERSION)});`,
    '  if (!settings || settings instanceof Error) return true;',
    '  deepFreeze(settings);',
    '  $settings.set(settings);',
    '  $state.set(decide(settings, readSignals(settings)));',
    ...duties.filter((duty) => duty.configured).map((duty) => '  ' + duty.configured),
    '  return true;',
    '};',
    'const observer = new MutationObserver(take);',
    'if (!take()) observer.observe(document.documentElement, { childList: true, subtree: true });',
  ].join('\n');
};

async function build(source, file) {
  const options = browserScript('\0floor-entry', file);
  const entry = {
    name: 'floor-entry',
    resolveId: (id) => (id === '\0floor-entry' ? id : null),
    load: (id) => (id === '\0floor-entry' ? source : null),
  };
  const bundle = await rollup({ ...options, plugins: [entry, ...options.plugins], onwarn: () => {} });
  await bundle.write(options.output);
  await bundle.close();
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

const kb = (bytes) => (bytes / 1024).toFixed(2) + ' KB';
const out = mkdtempSync(join(tmpdir(), 'consentry-floor-'));
try {
  const realLoader = gzipSync(readFileSync(join(consentryDist(), 'consentry.min.js')), { level: 9 }).length;
  const floor = await build(entrySource(null), join(out, 'consentry.min.js'));
  console.log('## The floor under issue 8: the loader duties the issue lists, and nothing else\n');
  console.log('| loader | gzip -9 |\n| --- | ---: |');
  console.log(
    `| released loader (\`${join(consentryDist(), 'consentry.min.js').replace(process.cwd() + '/', '')}\`) | ${kb(realLoader)} |`,
  );
  console.log(`| the issue's duties only | ${kb(floor)} |`);
  for (const duty of DUTIES) {
    const without = await build(entrySource(duty), join(out, 'without.min.js'));
    console.log(`| … without the ${duty.name} | ${kb(without)} (−${kb(floor - without)}) |`);
  }
  console.log(`\nIssue 8's loader budget: 3.50 KB. A returning visit at 0.25× vanilla-cookieconsent's 15.1 KB: 3.78 KB.`);
  // The UI library the product's owner chose, before any banner, dialog, styles or texts.
  const preact = gzipSync(readFileSync(new URL('../node_modules/preact/dist/preact.min.js', import.meta.url)), { level: 9 }).length;
  console.log(
    `Preact alone (\`preact/dist/preact.min.js\`): ${kb(preact)}; with the duties: ${kb(floor + preact)}, against a first-visit budget of 11 KB (0.75× vanilla-cookieconsent: 11.3 KB).\n`,
  );

  // The duties-only loader served as a consentry build: the lazy files are never asked for on a returning visit.
  for (const file of ['consentry-parts.min.js', 'consentry-ui.min.js']) copyFileSync(join(consentryDist(), file), join(out, file));
  const duties = consentryVariant({ id: 'duties-only', name: "the issue's duties only", dist: () => out, base: '/duties-only/' });
  const vanilla = SDKS.find((sdk) => sdk.id === 'vanilla-cookieconsent');
  const variants = [baselineRun, consentry, duties, vanilla];
  const site = await startSite();
  const tracker = await startTracker();
  const urls = new Map();
  for (const variant of variants) {
    site.add(`/${variant.id}.html`, htmlAsset(pageHtml({ ...variant, tracker: tracker.origin, title: variant.name })));
    for (const [path, value] of Object.entries(typeof variant.assets === 'function' ? variant.assets() : variant.assets))
      site.add(path, value);
    urls.set(variant.id, `${site.origin}/${variant.id}.html`);
  }
  const browser = await launchChromium();
  try {
    // The duties-only loader reads the same cookie and cached Settings the real loader wrote.
    const stored = await recordAcceptAll(browser, { url: urls.get(consentry.id), variant: consentry });
    const storage = new Map([
      [consentry, stored],
      [duties, stored],
      [vanilla, await recordAcceptAll(browser, { url: urls.get(vanilla.id), variant: vanilla })],
    ]);
    await measure(browser, { url: urls.get(baselineRun.id), variant: baselineRun, expectBanner: false });
    const runs = new Map(variants.map((variant) => [variant, []]));
    for (let round = 0; round < RUNS; round++) {
      for (let i = 0; i < variants.length; i++) {
        const variant = variants[(i + round) % variants.length];
        runs
          .get(variant)
          .push(await measure(browser, { url: urls.get(variant.id), variant, storage: storage.get(variant), expectBanner: false }));
      }
      process.stderr.write(`round ${round + 1}/${RUNS}\n`);
    }
    const added = (variant, field) =>
      median(runs.get(variant).map((run) => run[field])) - median(runs.get(baselineRun).map((run) => run[field]));
    const fmt = (ms) => `+${ms.toFixed(1)} ms`;
    console.log(`## Returning visit (accepted all earlier), median of ${RUNS} cold runs\n`);
    console.log(
      '| | SDK bytes (gzip) | script CPU added | task CPU added | ÷ vanilla-cookieconsent (script / task CPU) | first contentful paint | tags that ran |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const variant of [consentry, duties, vanilla]) {
      const ratio = (field) => (added(variant, field) / added(vanilla, field)).toFixed(2) + '×';
      const ran = [...new Set(runs.get(variant).flatMap((run) => run.tagsRan))].join(', ') || 'none';
      const errors = runs.get(variant).flatMap((run) => run.errors);
      console.log(
        `| ${variant.name} | ${kb(median(runs.get(variant).map((run) => run.sdkBytes)))} | ${fmt(added(variant, 'scriptCpuMs'))} | ${fmt(added(variant, 'taskCpuMs'))} | ${ratio('scriptCpuMs')} / ${ratio('taskCpuMs')} | ${median(runs.get(variant).map((run) => run.fcp)).toFixed(0)} ms | ${ran}${errors.length ? ' (errors: ' + errors[0] + ')' : ''} |`,
      );
    }
    console.log(`\nWithout a consent script: first contentful paint ${median(runs.get(baselineRun).map((run) => run.fcp)).toFixed(0)} ms.`);
    console.log(
      `Issue 8's bar for main-thread time: ≤ 0.5× vanilla-cookieconsent's, here ${fmt(added(vanilla, 'scriptCpuMs') / 2)} script CPU and ${fmt(added(vanilla, 'taskCpuMs') / 2)} task CPU.`,
    );
  } finally {
    await browser.close();
    await site.close();
    await tracker.close();
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(0);
