import { createWriteStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { exportLines } from './export-formats';
import { receiptsHandler } from './node-adapter';
import { openReceiptStore } from './open-store';
import { createReceiptsService, retentionCutoff } from './receipts-service';
import type { ReceiptQuery } from './types';

export const RECEIPTS_USAGE = `Usage:
  consentry receipts serve  [--data DIR | --database URL] [--port N] [--host H] [--path /consent-receipts]
                            [--retention-months N] [--store-client-address] [--rate-burst N] [--rate-per-second N]
  consentry receipts verify [--data DIR | --database URL] [--json]
  consentry receipts export [--data DIR | --database URL] [--format jsonl|csv] [--out FILE]
                            [--consent-id ID] [--from DATE] [--to DATE] [--revision N]
  consentry receipts prune  [--data DIR | --database URL] --retention-months N

  --data DIR        the embedded store (PGlite) in this folder (default ./consent-log; needs @electric-sql/pglite)
  --database URL    PostgreSQL instead, e.g. postgres://user@host/db (needs pg)
  --port N          serve: port (default 8787); --host H: address to listen on (default 127.0.0.1)
  --path P          serve: where receipts are POSTed (default /consent-receipts); admin page at P/admin
  --retention-months N   serve: delete receipts older than N months, at start and every 6 hours; prune: once

Environment: CONSENTRY_RECEIPTS_KEY (server key: the chain becomes an HMAC; keep it out of the database),
CONSENTRY_RECEIPTS_ADMIN_TOKEN (enables the admin page for whoever presents it).
Exit codes: 0 done (verify: chain intact), 1 verify found tampering, 2 bad input.`;

type Io = { stdout(text: string): void; stderr(text: string): void };
const processIo: Io = { stdout: (text) => void process.stdout.write(text), stderr: (text) => void process.stderr.write(text) };

class UsageError extends Error {}

function whole(name: string, value: string | undefined, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/.test(value)) throw new UsageError(`--${name} must be a whole number, not "${value}"`);
  return Number(value);
}

function date(name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  if (Number.isNaN(Date.parse(value))) throw new UsageError(`--${name} must be a date (2026-01-31 or ISO 8601), not "${value}"`);
  return new Date(value);
}

/** `consentry receipts …`: arguments in, exit code out. `serve` resolves only once the server has stopped. */
export async function runReceipts(argv: string[], io: Io = processIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        database: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        path: { type: 'string' },
        'retention-months': { type: 'string' },
        'store-client-address': { type: 'boolean' },
        'rate-burst': { type: 'string' },
        'rate-per-second': { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'consent-id': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        revision: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr(`consentry receipts: ${(error as Error).message}\n\n${RECEIPTS_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [action] = positionals;
  if (values.help || !action) {
    io.stdout(RECEIPTS_USAGE + '\n');
    return values.help ? 0 : 2;
  }
  let store;
  try {
    if (!['serve', 'verify', 'export', 'prune'].includes(action)) throw new UsageError(`unknown action "${action}"`);
    if (values.data && values.database) throw new UsageError('give --data or --database, not both');
    const retentionMonths = whole('retention-months', values['retention-months']);
    if (action === 'prune' && !retentionMonths) throw new UsageError('prune needs --retention-months N (N ≥ 1)');
    const query: ReceiptQuery = {
      consentId: values['consent-id'],
      from: date('from', values.from),
      to: date('to', values.to),
      revision: whole('revision', values.revision),
    };
    const format = values.format ?? 'jsonl';
    if (format !== 'jsonl' && format !== 'csv') throw new UsageError(`--format must be jsonl or csv, not "${format}"`);
    const port = whole('port', values.port, 8787)!;
    const burst = whole('rate-burst', values['rate-burst']);
    const perSecond = whole('rate-per-second', values['rate-per-second']);

    const dataDir = values.data ?? './consent-log';
    // Only serve creates a store: verify or export of a mistyped folder must not report an empty, intact chain.
    if (action !== 'serve' && !values.database && !existsSync(dataDir))
      throw new UsageError(`no receipts store at ${dataDir} (give --data DIR or --database URL)`);
    store = await openReceiptStore({ database: values.database, data: values.database ? null : (values.data ?? './consent-log') });
    const where = values.database ? 'PostgreSQL' : `${values.data ?? './consent-log'} (PGlite)`;

    if (action === 'verify') {
      const report = await store.verify();
      if (values.json) io.stdout(JSON.stringify(report, null, 2) + '\n');
      else {
        const lines = [
          `${report.ok ? 'Chain intact' : 'CHAIN BROKEN'}: ${report.checked} receipts checked in ${where}` +
            (report.prunedThrough ? ` (rows 1–${report.prunedThrough} pruned under the retention policy)` : ''),
          ...report.problems.map((problem) => `  ${problem.message}`),
          `Chain head: row ${report.head.seq}, ${report.head.hash || '(empty)'}`,
          '(Keep the head somewhere else, e.g. in your audit notes: a later verify proves nothing before it changed.)',
        ];
        io.stdout(lines.join('\n') + '\n');
      }
      return report.ok ? 0 : 1;
    }
    if (action === 'export') {
      const out = values.out ? createWriteStream(values.out) : null;
      let count = 0;
      for await (const chunk of exportLines(store.each(query), format)) {
        count += 1;
        if (out) {
          if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        } else io.stdout(chunk);
      }
      if (out) {
        await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
        io.stderr(`Exported ${format === 'csv' ? count - 1 : count} receipts to ${values.out}\n`);
      }
      return 0;
    }
    if (action === 'prune') {
      const result = await store.prune(retentionCutoff(retentionMonths!));
      io.stdout(
        `Deleted ${result.deleted} receipts older than ${retentionMonths} months; the chain now starts after row ${result.prunedThrough}.\n`,
      );
      return 0;
    }

    const adminToken = process.env.CONSENTRY_RECEIPTS_ADMIN_TOKEN || null;
    const service = createReceiptsService({
      store,
      path: values.path,
      retentionMonths: retentionMonths ?? null,
      storeClientAddress: !!values['store-client-address'],
      rateLimit: { burst, perSecond },
      adminToken,
    });
    const server = createServer(receiptsHandler(service));
    const host = values.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, resolve);
    });
    const address = server.address() as { port: number };
    const origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    io.stdout(
      [
        `consentry receipts: storing in ${where}`,
        `  POST receipts to  ${origin}${service.path}`,
        `  Admin page        ${adminToken ? `${origin}${service.path}/admin` : 'off (set CONSENTRY_RECEIPTS_ADMIN_TOKEN)'}`,
        `  Proof             ${process.env.CONSENTRY_RECEIPTS_KEY ? 'HMAC chain (server key set)' : 'sha256 chain (no CONSENTRY_RECEIPTS_KEY)'}`,
        `  Retention         ${retentionMonths ? `${retentionMonths} months` : 'keep everything (--retention-months N to limit)'}`,
        'Press Ctrl+C to stop.',
      ].join('\n') + '\n',
    );
    const opened = store;
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        // Stop taking requests, write what is queued, then close the database cleanly.
        server.close();
        service.close().finally(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await opened.close();
    store = undefined;
    return 0;
  } catch (error) {
    if (error instanceof UsageError) io.stderr(`consentry receipts: ${error.message}\n\n${RECEIPTS_USAGE}\n`);
    else io.stderr(`consentry receipts: ${(error as Error)?.message || error}\n`);
    return 2;
  } finally {
    await store?.close().catch(() => undefined);
  }
}
