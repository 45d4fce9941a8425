import type { ReceiptRow } from './types';

/**
 * The proof: a hash chain. Each row's hash covers the previous row's hash and the row itself, position
 * included, so an edited row, a deleted row and two rows swapped all break the chain at that point.
 * With a server key the hash is an HMAC: then even someone who can write to the database cannot rebuild
 * the chain after an edit. Without one, keep the chain head (`receipts verify` prints it) somewhere else.
 * node:crypto in Node; WebCrypto where only fetch-style runtimes exist (the same hashes either way).
 */
const sortedChoices = (choices: { [id: string]: boolean } | null) =>
  choices &&
  Object.keys(choices)
    .sort()
    .map((id) => [id, choices[id]]);

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
    // Added with schema version 2; absent from rows that never had it, so their hashes stay what they were.
    ...(row.via != null || row.signalOverride != null ? [row.via, row.signalOverride] : []),
  ]);
}

const encoder = new TextEncoder();
const hex = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');

export type ChainHasher = (previousHash: string, seq: number, row: ReceiptRow) => Promise<string>;

type NodeCrypto = typeof import('node:crypto');

/**
 * node:crypto where it exists: synchronous, and several times faster than WebCrypto's promise per row, which
 * matters because rows are hashed one after another while the chain head is locked. WebCrypto elsewhere.
 */
const nodeCrypto: Promise<NodeCrypto | null> = import('node:crypto').catch(() => null);

/** sha256(previous hash + "\n" + canonical row), or HMAC-sha256 of the same with the key; hex. */
export function createChainHasher(key?: string | null): ChainHasher {
  let webKey: Promise<CryptoKey> | null = null;
  return async (previousHash, seq, row) => {
    const text = previousHash + '\n' + canonicalRow(seq, row);
    const node = await nodeCrypto;
    if (node) return (key ? node.createHmac('sha256', key) : node.createHash('sha256')).update(text, 'utf8').digest('hex');
    const data = encoder.encode(text);
    if (!key) return hex(await crypto.subtle.digest('SHA-256', data));
    webKey ||= crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return hex(await crypto.subtle.sign('HMAC', await webKey, data));
  };
}
