import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readReceipt } from './receipt-shape.mjs';

/** Receipts kept; the file is a demo log, not an archive (the consent-log service is the archive). */
export const MAX_RECEIPTS = 1000;

/**
 * @typedef {{ receivedAt: string, receipt: Record<string, unknown> }} StoredReceipt
 * @typedef {{ dir: string }} ReceiptStoreOptions
 */

/** One JSON line back into a stored receipt, or null for a line that is not one (a torn write, an edit). */
function parseLine(/** @type {string} */ line) {
  try {
    const entry = JSON.parse(line);
    const read = readReceipt(entry?.receipt);
    return typeof entry.receivedAt === 'string' && 'receipt' in read ? { receivedAt: entry.receivedAt, receipt: read.receipt } : null;
  } catch {
    return null;
  }
}

/**
 * Consent receipts in `<dir>/receipts.jsonl`, one JSON line each. A POST appends its line (the cost of a
 * write does not grow with the log); once the file holds twice MAX_RECEIPTS lines it is rewritten with the
 * newest MAX_RECEIPTS (to a temporary file, then renamed), so it stays bounded. Writes go through one
 * queue, so lines never interleave; a line torn by a crash is skipped on the next start.
 * @param {ReceiptStoreOptions} options
 */
export function createReceiptStore({ dir }) {
  const file = join(dir, 'receipts.jsonl');
  /** The newest MAX_RECEIPTS, oldest first. @type {StoredReceipt[] | null} */
  let cache = null;
  /** Lines in the file, kept ones and those compaction will drop. */
  let lines = 0;
  /** The file ends inside a line (a write torn by a crash): the next line must not be glued to it. */
  let torn = false;
  let queue = Promise.resolve();

  async function load() {
    if (cache) return cache;
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch {
      // No file yet: created on the first receipt.
    }
    torn = text.length > 0 && !text.endsWith('\n');
    const all = text.split('\n').filter(Boolean);
    lines = all.length;
    cache = all
      .map(parseLine)
      .filter((entry) => entry !== null)
      .slice(-MAX_RECEIPTS);
    return cache;
  }

  async function compact() {
    await writeFile(file + '.tmp', cache.map((entry) => JSON.stringify(entry) + '\n').join(''));
    await rename(file + '.tmp', file);
    lines = cache.length;
    torn = false;
  }

  return {
    file,
    /** @param {Record<string, unknown>} receipt as returned by readReceipt */
    add(receipt) {
      const task = queue.then(async () => {
        const list = await load();
        const stored = { receivedAt: new Date().toISOString(), receipt };
        list.push(stored);
        if (list.length > MAX_RECEIPTS) list.shift();
        await mkdir(dir, { recursive: true });
        await appendFile(file, (torn ? '\n' : '') + JSON.stringify(stored) + '\n');
        torn = false;
        lines++;
        return stored;
      });
      // Compaction runs after this POST is answered; the next write or read waits for it.
      queue = task
        .then(() => (lines >= 2 * MAX_RECEIPTS ? compact() : undefined))
        .catch((error) => console.warn(`[demo] receipts: could not write ${file}:`, error));
      return task;
    },
    /** @returns {Promise<StoredReceipt[]>} */
    async list() {
      await queue;
      return (await load()).map((entry) => ({ ...entry }));
    },
  };
}
