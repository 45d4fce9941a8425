import { openPGlite } from './pglite-database';
import { openPostgres, type PostgresConnection } from './postgres-database';
import { createReceiptStore, type ReceiptStore } from './receipt-store';

export interface OpenStoreOptions {
  /** PostgreSQL: a connection string (postgres://…) or node-postgres pool settings. Takes precedence over `data`. */
  database?: PostgresConnection | null;
  /** PGlite: the folder holding the data (created if missing). Neither this nor `database`: in memory. */
  data?: string | null;
  /** Server key for HMAC chaining; default: the CONSENTRY_RECEIPTS_KEY environment variable, if set. */
  key?: string | null;
}

/** Opens the database, runs pending migrations and returns the store. */
export async function openReceiptStore({ database = null, data = null, key }: OpenStoreOptions = {}): Promise<ReceiptStore> {
  const db = database ? await openPostgres(database) : await openPGlite(data ?? undefined);
  const envKey = typeof process !== 'undefined' ? process.env?.CONSENTRY_RECEIPTS_KEY : undefined;
  try {
    return await createReceiptStore(db, { key: key === undefined ? envKey || null : key });
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
