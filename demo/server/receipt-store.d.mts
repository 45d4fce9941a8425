/** Types for receipt-store.mjs, for the TypeScript tests. */
export const MAX_RECEIPTS: number;

export interface StoredReceipt {
  receivedAt: string;
  receipt: Record<string, unknown>;
}

export function createReceiptStore(options: { dir: string }): {
  file: string;
  add(receipt: Record<string, unknown>): Promise<StoredReceipt>;
  /** Oldest first. */
  list(): Promise<StoredReceipt[]>;
};
