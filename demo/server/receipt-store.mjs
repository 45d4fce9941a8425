import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Receipts kept; the file is a demo log, not an archive. */
export const MAX_RECEIPTS = 1000;

/**
 * @typedef {{ receivedAt: string, receipt: Record<string, unknown> }} StoredReceipt
 * @typedef {{ dir: string }} ReceiptStoreOptions
 */

/**
 * Consent receipts in `<dir>/receipts.json`. Writes go through one queue and replace the file
 * atomically, so concurrent POSTs never interleave and a crash never leaves half a file.
 * @param {ReceiptStoreOptions} options
 */
export function createReceiptStore({ dir }) {
  const file = join(dir, 'receipts.json');
  /** @type {StoredReceipt[] | null} */
  let cache = null;
  let queue = Promise.resolve();

  async function load() {
    if (cache) return cache;
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8'));
      cache = Array.isArray(parsed) ? parsed : [];
    } catch {
      cache = [];
    }
    return cache;
  }

  return {
    file,
    /** @param {Record<string, unknown>} receipt */
    add(receipt) {
      const task = queue.then(async () => {
        const list = await load();
        const stored = { receivedAt: new Date().toISOString(), receipt };
        cache = [...list, stored].slice(-MAX_RECEIPTS);
        await mkdir(dir, { recursive: true });
        await writeFile(file + '.tmp', JSON.stringify(cache, null, 2));
        await rename(file + '.tmp', file);
        return stored;
      });
      queue = task.then(() => undefined, () => undefined);
      return task;
    },
    /** @returns {Promise<StoredReceipt[]>} */
    async list() {
      await queue;
      return (await load()).map((entry) => ({ ...entry }));
    },
  };
}

/**
 * What a receipt must look like to be stored: an object naming a consent id and its choices.
 * The endpoint is public, so anything else is refused rather than written to disk.
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
export function isReceipt(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const receipt = /** @type {Record<string, unknown>} */ (value);
  return (
    typeof receipt.consentId === 'string' &&
    receipt.consentId.length > 0 &&
    receipt.consentId.length <= 100 &&
    !!receipt.categories &&
    typeof receipt.categories === 'object'
  );
}
