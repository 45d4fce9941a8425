/**
 * The auto-blocker's main-thread cost on a page of 2,000 elements with 30 tags (scripts, pixels, iframes;
 * static and inserted by a script; trackers from the built-in table and first-party ones), in headless
 * Chromium: ScriptDuration and TaskDuration (CDP Performance.getMetrics) with the auto-blocker minus
 * without it, medians of cold runs (a fresh context each; modes interleaved). Two states: every category
 * granted (nothing held: the pure cost of observing and classifying) and no consent (trackers held).
 * Tracker hosts are served locally through routes; nothing leaves the machine.
 *
 *   node bench/auto-blocker.mjs [--runs 9]
 * Also `run()` for bench/run.mjs. A benchmark, not a test: it prints what it measured and exits 0.
 */
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import CHROMIUM_ARGS from '../src/node/cli/browser/chromium-args.json' with { type: 'json' };

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SETTLE_MS = 400;

const TRACKERS = [
  'https://www.google-analytics.com/analytics.js',
  'https://www.googletagmanager.com/gtag/js?id=G-1',
  'https://hm.baidu.com/hm.js?1',
  'https://connect.facebook.net/en_US/fbevents.js',
  'https://s4.cnzz.com/z_stat.php?id=1',
];

/** 30 tags among 2,000 elements. */
export function benchPage(sdk) {
  const tags = [
    ...TRACKERS.map((src) => `<script async src="${src}"></script>`), // 5 tracker scripts
    '<script src="/own-1.js"></script>',
    '<script src="/own-2.js"></script>',
    '<script src="/own-3.js"></script>', // 3 own scripts
    '<script>window.__inline=(window.__inline||0)+1</script>',
    '<script>window.__inline=(window.__inline||0)+1</script>', // 2 inline
    ...[1, 2, 3, 4, 5].map(
      (i) => `<img src="https://googleads.g.doubleclick.net/pagead/viewthroughconversion/${i}/" width="1" height="1" alt="">`,
    ),
    ...[1, 2, 3, 4, 5].map((i) => `<img src="/img-${i}.gif" width="10" height="10" alt="">`), // 10 images
    '<iframe src="https://tags.bench.test/ad.html" width="300" height="250"></iframe>',
    '<iframe src="https://tags.bench.test/ad2.html" width="300" height="250"></iframe>',
    '<iframe src="/frame-1.html"></iframe>',
    '<iframe src="/frame-2.html"></iframe>',
    '<iframe src="/frame-3.html"></iframe>', // 5 iframes
    // 5 inserted by a script: 3 tracker scripts and 2 pixels
    `<script>(function(){var h=document.head;['https://tajs.qq.com/stats?s=1','https://analytics.tiktok.com/i18n/pixel/events.js','https://bat.bing.com/bat.js']
      .forEach(function(u){var s=document.createElement('script');s.src=u;h.appendChild(s)});
      new Image().src='https://www.facebook.com/tr?id=1';var i=document.createElement('img');i.setAttribute('src','/dyn.gif');document.body.appendChild(i)})()</script>`,
  ];
  const cards = [];
  // 250 cards of 8 elements = 2,000 elements; a tag after every 8th card.
  for (let i = 0; i < 250; i++) {
    cards.push(
      `<div class="card"><h3>Item ${i}</h3><p>Text <a href="#${i}">link</a> <span>note</span></p><ul><li>one</li><li>two</li></ul></div>`,
    );
    if (i % 8 == 7 && tags.length) cards.push(tags.shift());
  }
  return `<!doctype html><html><head><meta charset="utf-8">${sdk}<title>auto-blocker bench</title></head><body>${cards.join('\n')}${tags.join('\n')}</body></html>`;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function startSite(bundle) {
  const pages = {
    // The baselines load and run the same file, which then installs nothing: same bytes, same blocking request.
    '/without': benchPage(`<script>window.__benchSkip=true</script><script src="/auto-blocker.js"></script>`),
    '/granted': benchPage(`<script>window.__benchGrant=true</script><script src="/auto-blocker.js"></script>`),
    '/refused': benchPage(`<script src="/auto-blocker.js"></script>`),
    '/without-granted': benchPage(
      `<script>window.__benchGrant=true;window.__benchSkip=true</script><script src="/auto-blocker.js"></script>`,
    ),
  };
  const server = createServer((req, res) => {
    const path = (req.url || '/').split('?')[0];
    const headers = { 'cache-control': 'no-store' };
    if (pages[path]) res.writeHead(200, { ...headers, 'content-type': 'text/html' }).end(pages[path]);
    else if (path == '/auto-blocker.js') res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(bundle);
    else if (path.endsWith('.js'))
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end('window.__own=(window.__own||0)+1');
    else if (path.endsWith('.html')) res.writeHead(200, { ...headers, 'content-type': 'text/html' }).end('<!doctype html><p>frame</p>');
    else
      res
        .writeHead(200, { ...headers, 'content-type': 'image/gif' })
        .end(Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const SAMPLE_US = 25;

/**
 * CPU time in the auto-blocker's own code, from a sampling profile: the number of samples with a frame of
 * its bundle on the stack, times the sampling interval. Samples follow the thread's running time, so unlike
 * wall-clock timers this hardly moves when other processes share the cores.
 */
function cpuInBundle(profile) {
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children || []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const ours = new Map();
  const isOurs = (id) => {
    if (!ours.has(id)) ours.set(id, byId.get(id).callFrame.url.endsWith('/auto-blocker.js') || (parent.has(id) && isOurs(parent.get(id))));
    return ours.get(id);
  };
  return (profile.samples.filter(isOurs).length * SAMPLE_US) / 1000;
}

async function measureOnce(browser, url, { profile = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    // Tracker hosts answer locally: an empty script, page or pixel.
    await context.route(/^https:\/\//, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLE_US });
      await cdp.send('Profiler.start');
    }
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => (metrics.find((m) => m.name === name)?.value || 0) * 1000;
    const inPage = await page.evaluate(() => ({
      elements: document.body.getElementsByTagName('*').length,
      timing: window.__timing ?? null,
    }));
    const own = inPage.timing.installMs + inPage.timing.observerMs + inPage.timing.patchedMs;
    const cpuMs = profile ? cpuInBundle((await cdp.send('Profiler.stop')).profile) : null;
    return { scriptMs: metric('ScriptDuration'), taskMs: metric('TaskDuration'), threadMs: metric('ThreadTime'), own, cpuMs, ...inPage };
  } finally {
    await context.close();
  }
}

export async function run({ runs = Number(process.env.BENCH_RUNS || 11) } = {}) {
  const entry = fileURLToPath(new URL('./auto-blocker-entry.ts', import.meta.url));
  const { outputFiles } = await build({ entryPoints: [entry], bundle: true, minify: true, write: false, format: 'iife', target: 'es2021' });
  const bundle = outputFiles[0].text;
  const site = await startSite(bundle);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const modes = ['without', 'without-granted', 'granted', 'refused'];
  const results = Object.fromEntries([...modes, 'granted-cpu', 'refused-cpu'].map((mode) => [mode, []]));
  try {
    await measureOnce(browser, site.origin + '/without'); // warm Chromium itself
    for (let round = 0; round < runs; round++) {
      for (let i = 0; i < modes.length; i++) {
        const mode = modes[(i + round) % modes.length];
        results[mode].push(await measureOnce(browser, `${site.origin}/${mode}`));
        // The same page again under the sampling profiler (which slows it down, so its other figures are not used).
        if (mode == 'granted' || mode == 'refused')
          results[mode + '-cpu'].push(await measureOnce(browser, `${site.origin}/${mode}`, { profile: true }));
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  const med = (mode, key) => median(results[mode].map((r) => r[key]));
  const min = (mode, key) => Math.min(...results[mode].map((r) => r[key]));
  const figures = {
    runs,
    elements: results.without[0].elements,
    bundleBytes: bundle.length,
    own: { granted: med('granted', 'own'), refused: med('refused', 'own') },
    cpu: { granted: med('granted-cpu', 'cpuMs'), refused: med('refused-cpu', 'cpuMs') },
    // Load on a shared machine only ever adds time: the fastest run is the closest to the code's own cost.
    fastest: Object.fromEntries(
      ['granted', 'refused'].map((mode) => [
        mode,
        {
          own: min(mode, 'own'),
          scriptMs: min(mode, 'scriptMs') - min(mode == 'granted' ? 'without-granted' : 'without', 'scriptMs'),
          threadMs: min(mode, 'threadMs') - min(mode == 'granted' ? 'without-granted' : 'without', 'threadMs'),
        },
      ]),
    ),
    parts: Object.fromEntries(
      ['granted', 'refused'].map((mode) => [
        mode,
        Object.fromEntries(
          ['installMs', 'observerMs', 'callbacks', 'patchedMs', 'patchedCalls'].map((key) => [
            key,
            median(results[mode].map((r) => r.timing[key])),
          ]),
        ),
      ]),
    ),
    granted: Object.fromEntries(['scriptMs', 'taskMs', 'threadMs'].map((key) => [key, med('granted', key) - med('without-granted', key)])),
    refused: Object.fromEntries(['scriptMs', 'taskMs', 'threadMs'].map((key) => [key, med('refused', key) - med('without', key)])),
    baseline: { scriptMs: med('without', 'scriptMs'), taskMs: med('without', 'taskMs'), threadMs: med('without', 'threadMs') },
  };
  const ms = (value) => `${value >= 0 ? '+' : ''}${value.toFixed(2)} ms`;
  const markdown = [
    `Page: ${figures.elements} elements in <body>, 30 tags; median of ${runs} cold runs per mode; baseline without the auto-blocker: ScriptDuration ${figures.baseline.scriptMs.toFixed(1)} ms, ThreadTime ${figures.baseline.threadMs.toFixed(1)} ms, TaskDuration ${figures.baseline.taskMs.toFixed(1)} ms. Machine load average at start: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores.`,
    '',
    "| state | CPU in the auto-blocker's code (sampled) | its wall-clock time (install + observer + patched calls) | added ScriptDuration | added main-thread CPU (ThreadTime) | added TaskDuration |",
    '|---|---|---|---|---|---|',
    ...['granted', 'refused'].map((mode) => {
      const p = figures.parts[mode];
      const label =
        mode == 'granted' ? 'all granted (nothing held: observing + classifying only)' : 'no consent (trackers held, so they never run)';
      return `| ${label} | **${figures.cpu[mode].toFixed(2)} ms** | ${figures.own[mode].toFixed(2)} ms (${p.installMs.toFixed(2)} + ${p.observerMs.toFixed(2)} in ${p.callbacks} callbacks + ${p.patchedMs.toFixed(2)} in ${p.patchedCalls} calls) | ${ms(figures[mode].scriptMs)} | ${ms(figures[mode].threadMs)} | ${ms(figures[mode].taskMs)} |`;
    }),
    '',
    `Fastest runs (load on a shared machine only adds time): own ${figures.fastest.granted.own.toFixed(2)} ms granted / ${figures.fastest.refused.own.toFixed(2)} ms refused; ScriptDuration ${ms(figures.fastest.granted.scriptMs)} / ${ms(figures.fastest.refused.scriptMs)}; ThreadTime ${ms(figures.fastest.granted.threadMs)} / ${ms(figures.fastest.refused.threadMs)} (each minus the fastest run without).`,
    '',
    `CPU in the auto-blocker's code: V8 sampling profile every ${SAMPLE_US} µs, samples with a frame of its bundle on the stack (its calls into the browser included) × the interval; samples follow the thread's running time, so this is the figure least moved by other load on the machine. `,
    '',
    "Wall-clock time is timed from inside the page with performance.now() (Chromium coarsens it to 100 µs with jitter); patched calls include the browser's own work in them; on a loaded machine every wall-clock figure is inflated by time the thread spends descheduled. The CDP deltas compare with the same file loaded but not installed (same bytes and request) and are noisy on a busy 2-core machine (run-to-run spread of several ms).",
    '',
    `Minified bundle measured: ${figures.bundleBytes} bytes (includes nanostores, the host table and the timing wrappers).`,
  ].join('\n');
  return { markdown, figures };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  run()
    .then(({ markdown, figures }) => {
      console.log('## auto-blocker benchmark\n\n' + markdown);
      console.log('\n' + JSON.stringify(figures));
    })
    .catch((error) => {
      console.error('auto-blocker benchmark could not measure:', error);
      process.exit(1);
    });
}
