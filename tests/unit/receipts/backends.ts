import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createReceiptStore, openPGlite, openPostgres, type ReceiptStore } from '../../../src/node/receipts';
import { POSTGRES_MISSING, startPostgres, type PostgresServer } from './postgres-server.mjs';

/** Where a test's database lives: a PGlite folder or a PostgreSQL database URL. */
export type Location = { data: string } | { database: string };

export interface Opened {
  store: ReceiptStore;
  /** Raw SQL on the same database, as an attacker with database access would run it. */
  sql(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
}

/**
 * The two backends the tests run against. Each test gets an empty database of its own: a fresh PGlite
 * folder, or a fresh database on one PostgreSQL server started for the file.
 */
export interface Backend {
  name: 'pglite' | 'postgres';
  /** Why it cannot run here ('' when it can). */
  missing: string;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  fresh(): Promise<Location>;
  open(location: Location, key?: string | null): Promise<Opened>;
}

export function pgliteBackend(): Backend {
  const root = mkdtempSync(join(tmpdir(), 'consentry-pglite-'));
  const template = join(root, 'template');
  let counter = 0;
  return {
    name: 'pglite',
    missing: '',
    // Creating a PGlite folder runs initdb in WASM (seconds); opening one is quick. So each test copies an
    // empty folder made once.
    async setup() {
      const db = await openPGlite(template);
      await db.close();
    },
    async teardown() {
      rmSync(root, { recursive: true, force: true });
    },
    async fresh() {
      const data = join(root, `db-${++counter}`);
      cpSync(template, data, { recursive: true });
      return { data };
    },
    async open(location, key = null) {
      // One process, one connection: tampering goes through the store's own database.
      const db = await openPGlite((location as { data: string }).data);
      return { store: await createReceiptStore(db, { key }), sql: (text, params) => db.query(text, params) };
    },
  };
}

export function postgresBackend(): Backend {
  let server: PostgresServer | null = null;
  let counter = 0;
  return {
    name: 'postgres',
    missing: POSTGRES_MISSING,
    async setup() {
      server = await startPostgres();
    },
    async teardown() {
      server?.stop();
    },
    async fresh() {
      const name = `receipts_${process.pid}_${++counter}`;
      const admin = new pg.Client({ connectionString: server!.url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      return { database: server!.url.replace(/\/postgres$/, '/' + name) };
    },
    async open(location, key = null) {
      const url = (location as { database: string }).database;
      const store = await createReceiptStore(await openPostgres(url), { key });
      const sql = async (text: string, params?: unknown[]) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          return (await client.query(text, params)).rows;
        } finally {
          await client.end();
        }
      };
      return { store, sql };
    },
  };
}

export const BACKENDS = [pgliteBackend(), postgresBackend()];
