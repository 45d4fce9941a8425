import { describe, expect, it } from 'vitest';
import { createReceiptStore, openPGlite } from '../../src/node/receipts';
import { columnOf, FIELD_NAMES } from '../../src/node/receipts/receipt-fields';

describe('the receipt field table', () => {
  it('names every column the migrations create, and no other', async () => {
    const db = await openPGlite();
    const store = await createReceiptStore(db);
    const rows = await db.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'consent_receipts'",
    );
    expect(rows.map((row) => row.column_name).sort()).toEqual(FIELD_NAMES.map(columnOf).sort());
    await store.close();
  }, 60_000);

  it('turns field names into snake_case columns', () => {
    expect(['seq', 'receivedAt', 'signalOverride'].map(columnOf)).toEqual(['seq', 'received_at', 'signal_override']);
  });
});
