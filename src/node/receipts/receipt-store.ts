import { createChainHasher } from './chain';
import { migrate } from './migrations';
import { columnOf, FIELD_NAMES, type FieldKind, RECEIPT_FIELDS } from './receipt-fields';
import type { SqlDatabase, SqlSession } from './sql-database';
import type { PruneResult, ReceiptQuery, ReceiptRow, StoredReceipt, VerifyProblem, VerifyReport } from './types';

const COLUMNS = FIELD_NAMES.map(columnOf);
// Each field beside its column, paired once: rows are read and written a page at a time.
const FIELD_COLUMNS = FIELD_NAMES.map((field, i) => [field, COLUMNS[i]] as const);
const SELECT = `SELECT ${COLUMNS.join(', ')} FROM consent_receipts`;
const PAGE = 2000;

type DbRow = { [column: string]: unknown };

const iso = (value: unknown) => (value instanceof Date ? value : new Date(String(value))).toISOString();
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

const READ: { [kind in FieldKind]: (value: unknown) => unknown } = {
  number: Number,
  time: iso,
  json: (value) => json(value) ?? null,
  value: (value) => value ?? null,
};

function fromDb(row: DbRow): StoredReceipt {
  const fields = FIELD_COLUMNS.map(([field, column]) => [field, READ[RECEIPT_FIELDS[field]](row[column])]);
  return Object.fromEntries(fields) as unknown as StoredReceipt;
}

/** A receipt as the JSON object jsonb_populate_recordset reads: column names as keys. */
const toDb = (receipt: StoredReceipt): DbRow => Object.fromEntries(FIELD_COLUMNS.map(([field, column]) => [column, receipt[field]]));

/** WHERE clause and parameters for a look-up; every value is a parameter, never spliced into SQL. */
function whereOf(query: ReceiptQuery): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', '$' + params.length));
  };
  if (query.consentId) add('consent_id = ?', query.consentId);
  if (query.from) add('received_at >= ?', iso(query.from));
  if (query.to) add('received_at < ?', iso(query.to));
  if (query.revision != null) add('revision = ?', query.revision);
  return { where: conditions.length ? ' WHERE ' + conditions.join(' AND ') : '', params };
}

export interface ReceiptStoreOptions {
  /** Server key: the chain becomes HMAC-sha256, which only holders of the key can recompute. */
  key?: string | null;
}

/**
 * Receipts on a SQL database (PGlite or PostgreSQL): appends a batch to the chain in one transaction, looks
 * up, exports, prunes and verifies. Call `open` (runs migrations) before use.
 */
export async function createReceiptStore(db: SqlDatabase, { key = null }: ReceiptStoreOptions = {}) {
  await migrate(db);
  const hash = createChainHasher(key);

  /** Appends rows in order to the chain in one transaction: all of them are committed, or none. */
  async function append(rows: ReceiptRow[]): Promise<StoredReceipt[]> {
    if (!rows.length) return [];
    return db.transaction(async (session) => {
      // The row lock on the chain head is held until commit: writers on other servers wait here, so the
      // chain never forks, and a rolled-back batch leaves the head as it was.
      const [head] = await session.query<{ seq: unknown; hash: string }>(
        'SELECT seq, hash FROM consent_receipt_chain WHERE id = 1 FOR UPDATE',
      );
      let seq = Number(head.seq);
      let previous = head.hash;
      const stored: StoredReceipt[] = [];
      const records: DbRow[] = [];
      for (const row of rows) {
        seq += 1;
        previous = await hash(previous, seq, row);
        const receipt = { seq, ...row, hash: previous };
        stored.push(receipt);
        records.push(toDb(receipt));
      }
      // The whole batch as one JSON parameter: far cheaper for the driver than 19 parameters per row.
      await session.query(
        `INSERT INTO consent_receipts (${COLUMNS.join(', ')}) SELECT ${COLUMNS.join(', ')} FROM jsonb_populate_recordset(NULL::consent_receipts, $1::jsonb)`,
        [JSON.stringify(records)],
      );
      await session.query('UPDATE consent_receipt_chain SET seq = $1, hash = $2 WHERE id = 1', [seq, previous]);
      return stored;
    });
  }

  /** Newest first. */
  async function find(query: ReceiptQuery = {}): Promise<StoredReceipt[]> {
    const { where, params } = whereOf(query);
    const limit = Math.min(Math.max(1, Math.floor(query.limit ?? 100)), 10_000);
    return (await db.query<DbRow>(`${SELECT}${where} ORDER BY seq DESC LIMIT ${limit}`, params)).map(fromDb);
  }

  /** Every matching receipt, oldest first, a page at a time (for exports of any size). */
  async function* each(query: Omit<ReceiptQuery, 'limit'> = {}): AsyncGenerator<StoredReceipt> {
    const { where, params } = whereOf(query);
    let after = -1;
    for (;;) {
      const page = await db.query<DbRow>(
        `${SELECT}${where ? where + ' AND' : ' WHERE'} seq > $${params.length + 1} ORDER BY seq LIMIT ${PAGE}`,
        [...params, after],
      );
      for (const row of page) yield fromDb(row);
      if (page.length < PAGE) return;
      after = Number(page[page.length - 1].seq);
    }
  }

  async function checkpoint(session: SqlSession): Promise<{ seq: number; hash: string }> {
    const [last] = await session.query<{ through_seq: unknown; hash: string }>(
      'SELECT through_seq, hash FROM consent_receipt_checkpoints ORDER BY through_seq DESC LIMIT 1',
    );
    return last ? { seq: Number(last.through_seq), hash: last.hash } : { seq: 0, hash: '' };
  }

  /**
   * Deletes receipts received before the cutoff. The hash of the last one deleted is kept as a checkpoint, so
   * the remaining chain still verifies from there.
   */
  async function prune(cutoff: Date): Promise<PruneResult> {
    return db.transaction(async (session) => {
      // Same lock as the writers: the newest rows are never pruned half-chained.
      await session.query('SELECT seq FROM consent_receipt_chain WHERE id = 1 FOR UPDATE');
      const [last] = await session.query<{ seq: unknown; hash: string }>(
        'SELECT seq, hash FROM consent_receipts WHERE received_at < $1 ORDER BY seq DESC LIMIT 1',
        [cutoff.toISOString()],
      );
      if (!last) return { deleted: 0, prunedThrough: (await checkpoint(session)).seq };
      const through = Number(last.seq);
      const [{ deleted }] = await session.query<{ deleted: unknown }>(
        'WITH gone AS (DELETE FROM consent_receipts WHERE seq <= $1 RETURNING 1) SELECT count(*) AS deleted FROM gone',
        [through],
      );
      await session.query(
        'INSERT INTO consent_receipt_checkpoints (through_seq, hash, deleted, cutoff, pruned_at) VALUES ($1, $2, $3, $4, $5)',
        [through, last.hash, Number(deleted), cutoff.toISOString(), new Date().toISOString()],
      );
      return { deleted: Number(deleted), prunedThrough: through };
    });
  }

  /** Recomputes the chain from the last checkpoint and compares it with every stored hash and the head. */
  async function verify(): Promise<VerifyReport> {
    const start = await checkpoint(db);
    const [head] = await db.query<{ seq: unknown; hash: string }>('SELECT seq, hash FROM consent_receipt_chain WHERE id = 1');
    const problems: VerifyProblem[] = [];
    let expected = start.seq + 1;
    let previous = start.hash;
    let checked = 0;
    let lastSeq = start.seq;
    let lastHash = start.hash;
    for await (const row of each()) {
      if (row.seq > expected) {
        const range = row.seq - 1 > expected ? `${expected}–${row.seq - 1}` : `${expected}`;
        problems.push({ seq: expected, kind: 'missing', message: `row ${range} is missing (deleted)` });
      }
      // After a gap the chain is checked against the deleted row's successor: its hash no longer matches.
      const { seq, hash: stored, ...fields } = row;
      const computed = await hash(previous, seq, fields);
      if (computed !== stored && row.seq <= expected) {
        problems.push({ seq, kind: 'edited', message: `row ${seq} does not match its hash (edited, moved, or written with another key)` });
      }
      checked += 1;
      // Go on from the stored hash, so one edit is reported once rather than for every later row.
      previous = stored;
      expected = seq + 1;
      lastSeq = seq;
      lastHash = stored;
    }
    const headSeq = Number(head.seq);
    if (headSeq !== lastSeq || head.hash !== lastHash) {
      problems.push({
        seq: headSeq,
        kind: headSeq > lastSeq ? 'missing' : 'head',
        message:
          headSeq > lastSeq
            ? `rows ${lastSeq + 1}–${headSeq} are missing (deleted from the end)`
            : `the chain head (row ${headSeq}) does not match the newest row ${lastSeq}`,
      });
    }
    return { ok: problems.length === 0, checked, prunedThrough: start.seq, head: { seq: headSeq, hash: head.hash }, problems };
  }

  async function count(query: Omit<ReceiptQuery, 'limit'> = {}): Promise<number> {
    const { where, params } = whereOf(query);
    const [row] = await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM consent_receipts${where}`, params);
    return Number(row.n);
  }

  return { kind: db.kind, append, find, each, count, prune, verify, close: () => db.close() };
}

export type ReceiptStore = Awaited<ReturnType<typeof createReceiptStore>>;
