/**
 * The HTML rewriter's cost: throughput (MB/s) on a 200 KB page, whole and streamed in 16 KB chunks, and
 * the time to first byte it adds through the Node middleware (app writing the page in one piece, and
 * streaming it). CPU time is reported beside wall time because this machine is often shared: CPU time
 * is what the rewriter costs, wall time what a request waited. parse5's tokenizer alone is the floor
 * for any spec-compliant JavaScript HTML rewriter, and is printed for scale.
 * A benchmark, not a test: it prints what it measured and exits 0 (1 only if it could not measure).
 *
 *   node bench/rewrite.mjs [--runs 40] [--kb 200]
 *
 * Uses dist/rewrite.mjs when the build has it, else bundles src/node/rewrite/index.ts with esbuild.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Tokenizer } from 'parse5';

const argument = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const RUNS = argument('--runs', 40);
const KB = argument('--kb', 200);

async function loadRewriter() {
  const built = new URL('../dist/rewrite.mjs', import.meta.url);
  if (existsSync(built)) return { source: 'dist/rewrite.mjs', module: await import(built.href) };
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [new URL('../src/node/rewrite/index.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const dir = mkdtempSync(join(tmpdir(), 'consentry-bench-'));
  const file = join(dir, 'rewrite.mjs');
  writeFileSync(file, result.outputFiles[0].text);
  try {
    return { source: 'esbuild bundle of src/node/rewrite/index.ts', module: await import(pathToFileURL(file).href) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A storefront-like page: head with metadata, styles and tags (four of them trackers), a body of product cards. */
function page(bytes) {
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Shop — all products</title><link rel="stylesheet" href="/assets/site.css"><link rel="preload" as="font" href="/fonts/a.woff2" crossorigin>
<script src="/assets/app.js" defer></script>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-BENCH"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-BENCH');</script>
<script src="https://connect.facebook.net/en_US/fbevents.js" async></script>
<style>.card{display:grid;gap:8px}.card img{width:100%}</style></head><body><header><nav><a href="/">Home</a> <a href="/cart">Cart</a></nav></header><main>`;
  let body = '';
  for (let i = 0; body.length + head.length < bytes - 400; i++) {
    body += `<article class="card" data-id="${i}"><a href="/p/${i}"><img src="/img/p${i}.jpg" srcset="/img/p${i}@2x.jpg 2x" alt="Product ${i}" loading="lazy" width="320" height="240"></a>
<h2>Product ${i} &amp; friends</h2><p>A short description of product ${i}, with <b>bold</b>, <i>italic</i> and a <a href="/c/${i % 7}">category link</a>.</p>
<p class="price">€${(i * 7) % 100}.99</p><button type="button" data-add="${i}">Add to cart</button>${i % 25 == 0 ? `<svg viewBox="0 0 10 10"><path d="M0 0L10 10"/></svg><script>window.__seen=(window.__seen||0)+1</script>` : ''}</article>\n`;
  }
  return (
    head +
    body +
    `</main><img src="https://ad.doubleclick.net/activity;src=1;type=bench" width="1" height="1" alt=""><footer>© Shop</footer></body></html>`
  );
}

function measure(fn) {
  for (let i = 0; i < Math.max(5, RUNS / 4); i++) fn();
  const times = [];
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpuStart);
  times.sort((a, b) => a - b);
  return { wall: times[times.length >> 1], cpu: (cpu.user + cpu.system) / 1000 / RUNS };
}

const mbps = (bytes, ms) => (bytes / 1e6 / (ms / 1000)).toFixed(1);
const per100k = (bytes, ms) => ((ms * 100_000) / bytes).toFixed(2);

function serve(handler) {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Median time to first body byte and to the end, over `runs` sequential requests. */
async function timeRequests(port, runs) {
  const firsts = [];
  const totals = [];
  for (let i = 0; i < runs; i++) {
    await new Promise((resolve, reject) => {
      const start = performance.now();
      let first = 0;
      const req = request({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
        res.on('data', () => (first ||= performance.now() - start));
        res.on('end', () => {
          firsts.push(first);
          totals.push(performance.now() - start);
          resolve();
        });
      });
      req.on('error', reject);
      req.end();
    });
  }
  const median = (list) => list.sort((a, b) => a - b)[list.length >> 1];
  return { ttfb: median(firsts), total: median(totals) };
}

async function main() {
  const { source, module } = await loadRewriter();
  const { createRewriter, rewriteMiddleware, validateConfig } = module;
  const settings = validateConfig({});
  const html = page(KB * 1000);
  const bytes = Buffer.byteLength(html);
  const rewriter = createRewriter({ settings, grantedCategories: [] });
  const held = (rewriter.rewrite(html).match(/data-consent=/g) || []).length;

  const whole = measure(() => rewriter.rewrite(html));
  const streamed = measure(() => {
    const engine = rewriter.engine();
    for (let at = 0; at < html.length; at += 16384) engine.write(html.slice(at, at + 16384));
    engine.end();
  });
  const handler = {
    onStartTag() {},
    onEndTag() {},
    onCharacter() {},
    onNullCharacter() {},
    onWhitespaceCharacter() {},
    onComment() {},
    onDoctype() {},
    onEof() {},
  };
  const floor = measure(() => new Tokenizer({ sourceCodeLocationInfo: true }, handler).write(html, true));

  const chunks = [];
  for (let at = 0; at < bytes; at += 16384) chunks.push(Buffer.from(html).subarray(at, at + 16384));
  // A streaming app (SSR) yields between chunks; the first one can leave at once.
  const app = (streaming) => async (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    if (!streaming) return res.end(html);
    for (const chunk of chunks) {
      res.write(chunk);
      await new Promise((resolve) => setImmediate(resolve));
    }
    res.end();
  };
  const middleware = rewriteMiddleware({ settings });
  const servers = {
    plain: await serve(app(false)),
    rewritten: await serve((req, res) => middleware(req, res, () => app(false)(req, res))),
    plainStream: await serve(app(true)),
    rewrittenStream: await serve((req, res) => middleware(req, res, () => app(true)(req, res))),
  };
  const http = {};
  for (const [name, server] of Object.entries(servers)) {
    await timeRequests(server.address().port, 10);
    http[name] = await timeRequests(server.address().port, RUNS);
    server.close();
  }

  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  const rows = [
    ['rewrite(), whole page', whole],
    ['engine, 16 KB chunks', streamed],
    ['parse5 tokenizer alone (floor)', floor],
  ];
  console.log(
    `\n## HTML rewriter — ${(bytes / 1000).toFixed(0)} KB page, ${held} tags held, ${RUNS} runs (${source}; load average ${load})\n`,
  );
  console.log('| | median wall ms | CPU ms | MB/s (CPU) | ms per 100 KB (CPU) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [label, t] of rows)
    console.log(`| ${label} | ${t.wall.toFixed(2)} | ${t.cpu.toFixed(2)} | ${mbps(bytes, t.cpu)} | ${per100k(bytes, t.cpu)} |`);
  console.log('\n| through the Node middleware (loopback) | TTFB ms | added TTFB ms | total ms | added total ms |');
  console.log('|---|---:|---:|---:|---:|');
  const line = (label, plain, rewritten) =>
    console.log(
      `| ${label} | ${rewritten.ttfb.toFixed(2)} | ${(rewritten.ttfb - plain.ttfb).toFixed(2)} | ${rewritten.total.toFixed(2)} | ${(rewritten.total - plain.total).toFixed(2)} |`,
    );
  line('app writes the page in one piece', http.plain, http.rewritten);
  line('app streams 16 KB chunks', http.plainStream, http.rewrittenStream);
  console.log(`\nAim: < 1 ms per 100 KB. Measured ${per100k(bytes, whole.cpu)} ms per 100 KB of CPU (whole page).`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
