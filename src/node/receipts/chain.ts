import type { ReceiptRow } from './types';

/**
 * The proof: a hash chain. Each row's hash covers the previous row's hash and the row itself, position
 * included, so an edited row, a deleted row and two rows swapped all break the chain at that point.
 * With a server key the hash is an HMAC: then even someone who can write to the database cannot rebuild
 * the chain after an edit. Without one, keep the chain head (`receipts verify` prints it) somewhere else.
 * WebCrypto, not node:crypto, so a store can also run where only fetch-style runtimes exist.
 */
const sortedChoices = (choices: { [id: string]: boolean } | null) =>
  choices && Object.keys(choices).sort().map((id) => [id, choices[id]]);

/** The row as one string, fields in a fixed order, object keys sorted (jsonb does not keep key order). */
export function canonicalRow(seq: number, row: ReceiptRow): string {
  return JSON.stringify([
    1, // canonical form version
    seq,
    row.receivedAt,
    row.consentId,
    row.decidedAt,
    row.revision,
    row.method,
    row.regime,
    row.region,
    row.language,
    sortedChoices(row.categories),
    sortedChoices(row.services),
    sortedChoices(row.consents),
    row.crossBorder,
    row.ageGroup,
    row.textsHash,
    row.page,
    row.userAgent,
    row.clientAddress,
  ]);
}

const encoder = new TextEncoder();
const hex = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');

export type ChainHasher = (previousHash: string, seq: number, row: ReceiptRow) => Promise<string>;

/** sha256(previous hash + "\n" + canonical row), or HMAC-sha256 of the same with the key. */
export function createChainHasher(key?: string | null): ChainHasher {
  const hmacKey = key
    ? crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
    : null;
  return async (previousHash, seq, row) => {
    const data = encoder.encode(previousHash + '\n' + canonicalRow(seq, row));
    return hex(hmacKey ? await crypto.subtle.sign('HMAC', await hmacKey, data) : await crypto.subtle.digest('SHA-256', data));
  };
}
