import type { Pool } from 'pg';
import { importOptional } from './optional-import';
import type { SqlDatabase, SqlSession } from './sql-database';

type PgModule = typeof import('pg');

/**
 * A connection string (postgres://user:password@host:5432/db) or node-postgres pool settings
 * (host, port, user, password, database, ssl, max…), passed to `new pg.Pool()` as they are.
 */
export type PostgresConnection = string | { connectionString?: string; max?: number; [setting: string]: unknown };

/** A PostgreSQL server through node-postgres (pure JavaScript): several app servers can share it. */
export async function openPostgres(connection: PostgresConnection): Promise<SqlDatabase> {
  const pg = await importOptional<PgModule & { default?: PgModule }>('pg', 'a PostgreSQL receipts store (--database)');
  const PoolClass = (pg.default || pg).Pool;
  const pool: Pool = new PoolClass(typeof connection === 'string' ? { connectionString: connection, max: 4 } : { max: 4, ...connection });
  // An idle client losing its connection (server restart) must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.warn(`consentry receipts: PostgreSQL connection lost (${error.message})`));
  return {
    kind: 'postgres',
    async query(text, params) {
      return (await pool.query(text, params)).rows;
    },
    async transaction(fn) {
      const client = await pool.connect();
      let result: Awaited<ReturnType<typeof fn>>;
      const session: SqlSession = { query: async (text, params) => (await client.query(text, params)).rows };
      try {
        await client.query('BEGIN');
        result = await fn(session);
        await client.query('COMMIT');
      } catch (error) {
        // A connection that cannot even roll back is broken: destroy it instead of returning it to the pool.
        const broken = await client.query('ROLLBACK').then(
          () => undefined,
          (rollbackError: Error) => rollbackError,
        );
        client.release(broken);
        throw error;
      }
      client.release();
      return result;
    },
    close: () => pool.end(),
  };
}
