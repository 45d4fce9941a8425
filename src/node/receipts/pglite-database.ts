import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { importOptional } from './optional-import';
import type { SqlDatabase, SqlSession } from './sql-database';

type PGliteModule = typeof import('@electric-sql/pglite');

/**
 * PostgreSQL compiled to WASM, its files in a folder: the embedded default, nothing to install or run.
 * One process owns the folder; several app servers need PostgreSQL (postgres-database.ts).
 * Without a folder the database lives in memory (tests, a Worker's short life).
 */
export async function openPGlite(dataDir?: string): Promise<SqlDatabase> {
  const { PGlite: PGliteClass } = await importOptional<PGliteModule>('@electric-sql/pglite', 'the embedded receipts store');
  // PGlite creates only the last folder of the path: `--data ./logs/consent` on a fresh machine needs the rest.
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db: PGlite = await PGliteClass.create(dataDir);
  const session = (runner: { query: PGlite['query'] }): SqlSession => ({
    async query(text, params) {
      return (await runner.query(text, params)).rows as never[];
    },
  });
  return {
    kind: 'pglite',
    ...session(db),
    transaction: (fn) => db.transaction((tx) => fn(session(tx))),
    close: () => db.close(),
  };
}
