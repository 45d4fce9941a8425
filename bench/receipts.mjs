/**
 * The consent log's intake: receipts per second and p50/p99 latency of POST → 202 (acknowledged after
 * commit) on loopback, into PGlite (a folder) and into PostgreSQL (Debian's server, started here in a temp
 * directory). The load comes from a child process with keep-alive connections, so the service's CPU time is
 * measured apart from the load's (PostgreSQL's own processes are counted in neither). Bounded: a fixed number of receipts per backend, and a time cap.
 * A benchmark, not a test: it prints what it measured and exits 0 (1 only if it could not measure).
 *
 *   npm run bench:receipts -- [--receipts 20000] [--concurrency 64] [--seconds 60]
 *
 * Uses dist/receipts.mjs (npm run build first).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const argument = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};

/** The load generator (child process): `concurrency` clients, each posting back to back until `total` are sent. */
async function generateLoad({ url, total, concurrency, seconds }) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const latencies = [];
  const statuses = {};
  let next = 0;
  const deadline = Date.now() + seconds * 1000;
  const post = (body) =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total && Date.now() < deadline) {
        const i = next++;
        const body = JSON.stringify({
          consentId: `bench-${i.toString(36).padStart(8, '0')}`,
          time: new Date().toISOString(),
          revision: 7,
          categories: { necessary: true, analytics: i % 2 === 0, advertising: i % 3 === 0 },
          services: { 'google-analytics': i % 2 === 0 },
          method: 'custom',
          region: 'DE',
          regime: 'opt-in',
          language: 'de',
          textsHash: 'a1b2c3d4',
          url: 'https://shop.example/checkout?step=2',
          userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
        });
        const t = performance.now();
        const status = await post(body);
        latencies.push(performance.now() - t);
        statuses[status] = (statuses[status] || 0) + 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const cpu = process.cpuUsage();
  return { latencies, statuses, elapsed, loadCpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

if (process.argv.includes('--load')) {
  process.once('message', async (options) => {
    process.send(await generateLoad(options), () => process.exit(0));
  });
} else {
  const total = argument('--receipts', 20_000);
  const concurrency = argument('--concurrency', 64);
  const seconds = argument('--seconds', 60);
  let receipts;
  try {
    receipts = await import(new URL('../dist/receipts.mjs', import.meta.url).href);
  } catch {
    console.error('bench:receipts needs dist/receipts.mjs: run "npm run build" first');
    process.exit(1);
  }
  const { POSTGRES_MISSING, startPostgres } = await import('../tests/unit/receipts/postgres-server.mjs');
  /** CPU seconds used so far by the PostgreSQL server's processes (Linux /proc; 0 elsewhere). */
  const postgresCpuSeconds = () => {
    try {
      const pids = execFileSync('ps', ['-u', 'postgres', '-o', 'pid='], { encoding: 'utf8' }).split('\n').filter(Boolean);
      let ticks = 0;
      for (const pid of pids) {
        try {
          // Fields after the command name: utime and stime are the 12th and 13th.
          const fields = readFileSync(`/proc/${pid.trim()}/stat`, 'utf8').split(') ')[1].split(' ');
          ticks += Number(fields[11]) + Number(fields[12]);
        } catch {
          /* the process ended meanwhile */
        }
      }
      return ticks / 100;
    } catch {
      return 0;
    }
  };
  const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

  async function measure(name, open) {
    const { store, done } = await open();
    const service = receipts.createReceiptsService({ store, rateLimit: false });
    const server = createServer(receipts.receiptsHandler(service));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${server.address().port}/consent-receipts`;
    const cpuBefore = process.cpuUsage();
    const postgresBefore = postgresCpuSeconds();
    const result = await new Promise((resolve, reject) => {
      const load = fork(fileURLToPath(import.meta.url), ['--load']);
      load.once('message', resolve);
      load.once('error', reject);
      load.send({ url, total, concurrency, seconds });
    });
    const cpu = process.cpuUsage(cpuBefore);
    const postgresCpu = postgresCpuSeconds() - postgresBefore;
    await service.close();
    await new Promise((resolve) => server.close(resolve));
    const stored = await store.count();
    const report = await store.verify();
    await store.close();
    done();
    const sorted = result.latencies.sort((a, b) => a - b);
    return {
      backend: name,
      receipts: result.latencies.length,
      accepted: result.statuses[202] || 0,
      stored,
      chainIntact: report.ok,
      seconds: +result.elapsed.toFixed(2),
      perSecond: Math.round((result.statuses[202] || 0) / result.elapsed),
      p50ms: +percentile(sorted, 50).toFixed(1),
      p99ms: +percentile(sorted, 99).toFixed(1),
      // CPU time per receipt, apart: the service (HTTP, validation, chain, driver; PGlite's database included),
      // the load generator, and PostgreSQL's own processes.
      serviceCpuUs: Math.round((cpu.user + cpu.system) / result.latencies.length),
      loadCpuUs: Math.round((result.loadCpuSeconds * 1e6) / result.latencies.length),
      postgresCpuUs: name.startsWith('PostgreSQL') ? Math.round((postgresCpu * 1e6) / result.latencies.length) : null,
      // Cores the three got on average: on a shared machine, why receipts/s is what it is.
      coresUsed: +(((cpu.user + cpu.system) / 1e6 + result.loadCpuSeconds + postgresCpu) / result.elapsed).toFixed(2),
    };
  }

  const rows = [];
  const dir = mkdtempSync(join(tmpdir(), 'consentry-bench-receipts-'));
  try {
    rows.push(
      await measure('PGlite (folder)', async () => ({
        store: await receipts.openReceiptStore({ data: join(dir, 'pglite') }),
        done: () => {},
      })),
    );
    if (POSTGRES_MISSING) console.warn(`PostgreSQL skipped: ${POSTGRES_MISSING}`);
    else {
      const server = await startPostgres();
      try {
        rows.push(
          await measure('PostgreSQL 15 (pg)', async () => ({
            store: await receipts.openReceiptStore({ database: server.url }),
            done: () => {},
          })),
        );
      } finally {
        server.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `${cpus().length} cores, load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}; ${total} receipts per backend, ${concurrency} concurrent clients on keep-alive connections`,
  );
  console.table(rows);
  console.log(JSON.stringify(rows));
}
