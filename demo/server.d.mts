/** Types for demo/server.mjs, so the TypeScript end-to-end tests can start the demo. */

export type TrackerName = 'analytics' | 'ads' | 'embed';
export type HitKind = 'script' | 'beacon' | 'pixel' | 'iframe' | 'other';

/** One request received by a fake third party. */
export interface Hit {
  tracker: TrackerName;
  kind: HitKind;
  method: string;
  /** Path and query, e.g. "/px.gif?ev=PageView&…". */
  path: string;
  referer: string;
  /** The page the hit was made for (path + query), from the tracker's `dl`/`u` parameter or the Referer. */
  page: string;
  /** ms since epoch. */
  time: number;
}

export interface StoredReceipt {
  /** ISO time the server received it. */
  receivedAt: string;
  /** The receipt as posted by the SDK (see src/consent/receipts.ts), its known fields only. */
  receipt: Record<string, unknown>;
}

export interface StartDemoOptions {
  /** 0 (default) = a free port. */
  port?: number;
  /** Default 127.0.0.1; the third parties listen on the same host. */
  host?: string;
  /** No warning when the SDK build is missing. */
  quiet?: boolean;
  /** Where receipts.jsonl is kept. Default demo/.data (git-ignored, created on first receipt). */
  dataDir?: string;
  /** The SDK build served under /dist/. Default dist/ (or $CONSENTRY_DEMO_DIST). */
  distDir?: string;
  /**
   * Serve every page through consentry's HTML rewriter (distDir/rewrite.mjs, imported on first use).
   * Default false; `?rewrite=1` / `?rewrite=0` on a page URL overrides it for that page view.
   */
  rewrite?: boolean;
}

export interface Demo {
  /** The site's origin, e.g. "http://127.0.0.1:41234" (no trailing slash). */
  url: string;
  /** The fake third parties' origins, each on its own port. */
  trackers: { analytics: string; ads: string; embed: string };
  /** Every request the third parties received, oldest first (a copy). */
  hits(): Hit[];
  clearHits(): void;
  /** Receipts stored by POST /__demo/receipts, oldest first. */
  receipts(): Promise<StoredReceipt[]>;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR: string;
export const DEFAULT_DIST_DIR: string;
export function startDemo(options?: StartDemoOptions): Promise<Demo>;
