import type { ReceiptRow, StoredReceipt } from './types';

export interface WriteQueueOptions {
  /** Wait at most this long for more receipts before writing (default 10 ms). */
  flushMs?: number;
  /** Write as soon as this many are waiting (default 200). */
  maxBatch?: number;
  /** Refuse new receipts while this many wait (default 10,000): the client retries later, memory stays bounded. */
  maxPending?: number;
}

export class QueueFullError extends Error {}

/**
 * Gathers receipts into batches: one transaction for many receipts is what makes thousands per second
 * possible. Each promise settles only after its batch is committed (or failed), so an HTTP 202 always
 * means "on disk". One batch is written at a time; receipts arriving meanwhile form the next.
 */
export function createWriteQueue(
  write: (rows: ReceiptRow[]) => Promise<StoredReceipt[]>,
  { flushMs = 10, maxBatch = 200, maxPending = 10_000 }: WriteQueueOptions = {},
) {
  type Waiting = { row: ReceiptRow; resolve: (stored: StoredReceipt) => void; reject: (error: unknown) => void };
  let waiting: Waiting[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> | null = null;

  function schedule() {
    if (writing || timer || !waiting.length) return;
    if (waiting.length >= maxBatch) {
      writing = flush();
      return;
    }
    timer = setTimeout(() => {
      timer = null;
      if (!writing) writing = flush();
    }, flushMs);
  }

  async function flush(): Promise<void> {
    const batch = waiting.slice(0, maxBatch);
    waiting = waiting.slice(batch.length);
    try {
      const stored = await write(batch.map((entry) => entry.row));
      batch.forEach((entry, i) => entry.resolve(stored[i]));
    } catch (error) {
      batch.forEach((entry) => entry.reject(error));
    } finally {
      writing = null;
      if (timer && waiting.length >= maxBatch) {
        clearTimeout(timer);
        timer = null;
      }
      schedule();
    }
  }

  return {
    /** Resolves once the receipt is committed. */
    add(row: ReceiptRow): Promise<StoredReceipt> {
      if (waiting.length >= maxPending) return Promise.reject(new QueueFullError('too many receipts waiting to be written'));
      return new Promise<StoredReceipt>((resolve, reject) => {
        waiting.push({ row, resolve, reject });
        schedule();
      });
    },
    /** Writes everything waiting (on shutdown). */
    async drain(): Promise<void> {
      while (waiting.length || writing) {
        if (timer) {
          clearTimeout(timer);
          timer = null;
        }
        if (!writing) writing = flush();
        await writing;
      }
    },
    get pending() {
      return waiting.length;
    },
  };
}
