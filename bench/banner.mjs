/**
 * Time to the banner on a first visit, and where it goes: each consentry build's files (when each was
 * requested and arrived) beside the peers, interleaved page views, medians. A diagnostic for one figure
 * of the benchmark, with more runs than the full table affords.
 *
 *   node bench/banner.mjs [--runs 15]
 *
 * Also measured: consentry with `<link rel="preload">` hints for its lazy files after the loader tag.
 * BENCH_COMPARE=dir (another consentry build, as in run.mjs); BENCH_LATENCY_MS=n (each response waits n ms,
 * as a network round trip would: loopback hides what a chain of requests costs).
 */
import { launchChromium } from './harness/chromium.mjs';
import { measure } from './harness/measure.mjs';
import { pageHtml } from './harness/page.mjs';
import { htmlAsset, startSite, startTracker } from './harness/servers.mjs';
import { median } from './harness/stats.mjs';
import { comparedBuilds, consentry, klaro, vanillaCookieconsent } from './harness/variants.mjs';

const at = process.argv.indexOf('--runs');
const RUNS = Math.max(1, Number(at > 0 ? process.argv[at + 1] : 15));
const site = await startSite();
const tracker = await startTracker();
// What a server that sees no consent cookie can add (docs/performance.md): the lazy files are then
// requested beside the loader instead of after it.
const hints = ['consentry-parts.min.js', 'consentry-ui.min.js']
  .map((file) => `<link rel="preload" as="script" href="/dist/${file}">`)
  .join('');
const withHints = {
  ...consentry,
  id: 'consentry-hints',
  name: 'consentry + preload hints',
  headFirst: consentry.headFirst.replace('</script>', '</script>' + hints),
};
const variants = [consentry, withHints, ...comparedBuilds(), vanillaCookieconsent, klaro];
const urls = new Map();
for (const variant of variants) {
  site.add(`/${variant.id}.html`, htmlAsset(pageHtml({ ...variant, tracker: tracker.origin, title: variant.name })));
  const assets = typeof variant.assets === 'function' ? variant.assets() : variant.assets;
  for (const [path, value] of Object.entries(assets)) site.add(path, value);
  urls.set(variant.id, `${site.origin}/${variant.id}.html`);
}

const browser = await launchChromium();
try {
  // Chromium's first page view pays for warming up: thrown away.
  await measure(browser, { url: urls.get(consentry.id), variant: consentry, expectBanner: true });
  const runs = new Map(variants.map((variant) => [variant.id, []]));
  for (let round = 0; round < RUNS; round++) {
    // Alternating order, so drift on a busy machine is shared.
    for (const variant of round % 2 ? [...variants].reverse() : variants) {
      runs.get(variant.id).push(await measure(browser, { url: urls.get(variant.id), variant, expectBanner: true }));
    }
  }
  const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : '–');
  console.log(
    `\n## Time to the banner, first visit: median of ${RUNS} page views, latency ${Number(process.env.BENCH_LATENCY_MS) || 0} ms per response\n`,
  );
  console.log('| SDK | banner visible | first contentful paint | DOMContentLoaded | SDK files (requested → arrived) |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const variant of variants) {
    const list = runs.get(variant.id);
    const of = (pick) => median(list.map(pick).filter((value) => value != null));
    const files = [...new Set(list.flatMap((run) => run.sdkTimings.map((timing) => timing.path)))].map((path) => {
      const timing = (key) => of((run) => run.sdkTimings.find((t) => t.path === path)?.[key]);
      return `${path.split('/').pop()} ${timing('start').toFixed(0)} → ${timing('end').toFixed(0)}`;
    });
    console.log(
      `| ${variant.name} | ${ms(of((run) => run.bannerAt))} | ${ms(of((run) => run.fcp))} | ${ms(of((run) => run.domContentLoaded))} | ${files.join('; ')} |`,
    );
  }
} finally {
  await browser.close();
  await site.close();
  await tracker.close();
}
