import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createReceiptStore } from './receipt-store.mjs';

/** Receipts the receipts page lists, newest last (the page is a demo view; the admin page searches them all). */
const LISTED = 1000;

/**
 * The demo's receipts, kept by consentry/receipts: PGlite in `<dir>/receipts`, hash-chained, the same store
 * `consentry receipts serve --data` runs (try `consentry receipts verify --data demo/.data/receipts`).
 * Same interface as the JSON file store (receipt-store.mjs), which stays the fallback when the build has no
 * dist/receipts.mjs. The database opens on first use, so demo runs that never post a receipt pay nothing.
 * @param {{ dir: string, distDir: string }} options
 */
export function createReceiptLog({ dir, distDir }) {
  const built = join(distDir, 'receipts.mjs');
  if (!existsSync(built)) {
    console.warn(`consentry demo: ${built} is missing, so receipts go to a JSON file instead of consentry/receipts. Run "npm run build".`);
    return { ...createReceiptStore({ dir }), close: async () => {} };
  }
  /** @type {Promise<{ store: any, validateReceipt: Function, ReceiptError: any }> | null} */
  let opened = null;
  const open = () =>
    (opened ||= import(pathToFileURL(built).href).then(async ({ openReceiptStore, validateReceipt, ReceiptError }) => ({
      store: await openReceiptStore({ data: join(dir, 'receipts') }),
      validateReceipt,
      ReceiptError,
    })));

  /** @param {any} stored a StoredReceipt, in the shape the demo's views and tests read */
  const entryOf = (stored) => ({
    receivedAt: stored.receivedAt,
    receipt: Object.fromEntries(
      Object.entries({
        consentId: stored.consentId,
        time: stored.decidedAt,
        revision: stored.revision,
        categories: stored.categories,
        services: stored.services,
        method: stored.method,
        via: stored.via,
        signalOverride: stored.signalOverride,
        region: stored.region,
        regime: stored.regime,
        lang: stored.language,
        consents: stored.consents,
        crossBorder: stored.crossBorder,
        ageGroup: stored.ageGroup,
        textsHash: stored.textsHash,
        url: stored.page,
        userAgent: stored.userAgent,
      }).filter(([, value]) => value != null),
    ),
    seq: stored.seq,
    hash: stored.hash,
  });

  return {
    file: join(dir, 'receipts'),
    /** @param {Record<string, unknown>} receipt */
    async add(receipt) {
      const { store, validateReceipt, ReceiptError } = await open();
      let row;
      try {
        row = validateReceipt(receipt, new Date(), null);
      } catch (error) {
        if (error instanceof ReceiptError) throw Object.assign(new Error(`Not a consent receipt: ${error.message}`), { status: 422 });
        throw error;
      }
      const [stored] = await store.append([row]);
      return entryOf(stored);
    },
    async list() {
      const { store } = await open();
      return (await store.find({ limit: LISTED })).reverse().map(entryOf);
    },
    async close() {
      if (opened) await (await opened).store.close();
    },
  };
}
