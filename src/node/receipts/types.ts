/**
 * One receipt as stored: what the SDK sent (validated and reduced, see validate-receipt.ts), where it sits in
 * the chain, and when the service received it. Fields the SDK does not send yet are null.
 */
export interface StoredReceipt {
  /** Position in the hash chain: 1, 2, 3… with no gaps except a pruned prefix. */
  seq: number;
  /** When the service received it (ISO 8601, server clock): time ranges and retention use this. */
  receivedAt: string;
  consentId: string;
  /** When the visitor decided (ISO 8601, the browser's clock). */
  decidedAt: string;
  revision: number;
  /** How the decision came about (accept-all, custom, gpc, guardian…). */
  method: string;
  /** Where it was made (banner, dialog, placeholder, api, gpc, dnt), when the SDK sends it. */
  via?: string | null;
  /** True when the visitor switched on, in the dialog, what their GPC or DNT signal refuses. */
  signalOverride?: boolean | null;
  /** The regime the visitor was under (opt-in, opt-out, notice-only…), when the SDK sends it. */
  regime: string | null;
  region: string | null;
  /** The UI language the visitor saw, when the SDK sends it. */
  language: string | null;
  /** Effective category grants. */
  categories: { [id: string]: boolean };
  /** Effective service grants. */
  services: { [id: string]: boolean };
  /** Separate consents (cross-border transfer, sensitive information, provision to another handler…). */
  consents: { [id: string]: boolean } | null;
  crossBorder: boolean | null;
  ageGroup: string | null;
  /** Short hash of the texts and config the visitor saw, when the SDK sends it. */
  textsHash: string | null;
  /** Page URL without query string or fragment. */
  page: string | null;
  /** Browser family and major version only (e.g. "Chrome 131"). */
  userAgent: string | null;
  /** Truncated client address (/24 or /48), only when the owner opted in. */
  clientAddress: string | null;
  /** sha256 (or HMAC-sha256 with the server key) of the previous hash and this row, hex. */
  hash: string;
}

/** A receipt ready to be chained: everything but its position and hash. */
export type ReceiptRow = Omit<StoredReceipt, 'seq' | 'hash'>;

export interface ReceiptQuery {
  consentId?: string;
  /** Received at or after (ISO 8601 or Date). */
  from?: string | Date;
  /** Received before. */
  to?: string | Date;
  revision?: number;
  /** At most this many (default 100, at most 10,000); newest first. */
  limit?: number;
}

export interface VerifyProblem {
  seq: number;
  kind: 'edited' | 'missing' | 'head';
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  /** Rows whose hash was checked. */
  checked: number;
  /** The rows before this one were pruned under the retention policy (0: none). */
  prunedThrough: number;
  /** The chain head (seq and hash of the newest row) recorded by the writers. */
  head: { seq: number; hash: string };
  problems: VerifyProblem[];
}

export interface PruneResult {
  /** Rows deleted. */
  deleted: number;
  /** Every row up to this seq is gone; its hash is kept as the checkpoint the chain now starts from. */
  prunedThrough: number;
}
