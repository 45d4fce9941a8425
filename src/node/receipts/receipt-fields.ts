import type { StoredReceipt } from './types';

/** How a column comes back from PGlite or PostgreSQL, and so how it is read into a `StoredReceipt`. */
export type FieldKind = 'number' | 'time' | 'json' | 'value';

/**
 * Every field of a stored receipt, in column order (the table's, the SELECT's and the CSV export's). tsc
 * refuses this table when a `StoredReceipt` field is missing from it. The column is the field's name in
 * snake_case (`columnOf`). The hash chain has its own fixed, versioned order (chain.ts `canonicalRow`).
 */
export const RECEIPT_FIELDS = {
  seq: 'number',
  receivedAt: 'time',
  consentId: 'value',
  decidedAt: 'time',
  revision: 'number',
  method: 'value',
  regime: 'value',
  region: 'value',
  language: 'value',
  categories: 'json',
  services: 'json',
  consents: 'json',
  crossBorder: 'value',
  ageGroup: 'value',
  textsHash: 'value',
  page: 'value',
  userAgent: 'value',
  clientAddress: 'value',
  hash: 'value',
  via: 'value',
  signalOverride: 'value',
} as const satisfies { [field in keyof StoredReceipt]-?: FieldKind };

export type ReceiptField = keyof typeof RECEIPT_FIELDS;

export const FIELD_NAMES = Object.keys(RECEIPT_FIELDS) as ReceiptField[];

/** `receivedAt` → `received_at`. */
export const columnOf = (field: string) => field.replace(/[A-Z]/g, (letter) => '_' + letter.toLowerCase());
