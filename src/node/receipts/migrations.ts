import type { SqlDatabase } from './sql-database';

/**
 * The schema, as numbered steps applied once each and recorded in schema_migrations. Never edit a step that
 * has shipped: add the next one. The same SQL runs on PGlite and PostgreSQL.
 */
export const MIGRATIONS: { version: number; name: string; sql: string[] }[] = [
  {
    version: 1,
    name: 'receipts, chain head and prune checkpoints',
    sql: [
      `CREATE TABLE consent_receipts (
        seq bigint PRIMARY KEY,
        received_at timestamptz NOT NULL,
        consent_id text NOT NULL,
        decided_at timestamptz NOT NULL,
        revision integer NOT NULL,
        method text NOT NULL,
        regime text,
        region text,
        language text,
        categories jsonb NOT NULL,
        services jsonb NOT NULL,
        consents jsonb,
        cross_border boolean,
        age_group text,
        texts_hash text,
        page text,
        user_agent text,
        client_address text,
        hash text NOT NULL
        )`,
      `CREATE INDEX consent_receipts_consent_id ON consent_receipts (consent_id, seq)`,
      `CREATE INDEX consent_receipts_received_at ON consent_receipts (received_at)`,
      `CREATE INDEX consent_receipts_revision ON consent_receipts (revision, seq)`,
      // One row: the newest seq and hash. Writers lock it (SELECT … FOR UPDATE) for the length of their batch,
      // which serialises the chain across every app server sharing the database.
      `CREATE TABLE consent_receipt_chain (
        id integer PRIMARY KEY CHECK (id = 1),
        seq bigint NOT NULL,
        hash text NOT NULL
        )`,
      `INSERT INTO consent_receipt_chain (id, seq, hash) VALUES (1, 0, '')`,
      // Retention deletes the oldest rows; the hash of the last deleted row stays here so the rest still verifies.
      `CREATE TABLE consent_receipt_checkpoints (
        through_seq bigint PRIMARY KEY,
        hash text NOT NULL,
        deleted integer NOT NULL,
        cutoff timestamptz NOT NULL,
        pruned_at timestamptz NOT NULL
        )`,
    ],
  },
  {
    version: 2,
    name: 'where the choice was made, and whether it overrode an opt-out preference signal',
    sql: [`ALTER TABLE consent_receipts ADD COLUMN via text`, `ALTER TABLE consent_receipts ADD COLUMN signal_override boolean`],
  },
];

/** Brings the schema up to date. Safe when several servers start at once: they queue on an advisory lock. */
export async function migrate(db: SqlDatabase): Promise<number[]> {
  return db.transaction(async (session) => {
    await session.query(`SELECT pg_advisory_xact_lock(hashtext('consentry.receipts.migrations'))`);
    await session.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await session.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => Number(row.version)),
    );
    const applied: number[] = [];
    for (const step of MIGRATIONS) {
      if (done.has(step.version)) continue;
      for (const statement of step.sql) await session.query(statement);
      await session.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [step.version, step.name]);
      applied.push(step.version);
    }
    return applied;
  });
}
