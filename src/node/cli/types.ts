/**
 * What the scanner sees on a page and what it makes of it. Plain data only: scan.json is these
 * shapes serialised, and every report is rendered from them.
 */

/** When a finding was seen, relative to the visitor's choice. */
export type Phase = 'before-consent' | 'after-accept' | 'after-reject' | 'next-page-after-reject';

/** Who put a cookie or storage key there. */
export type Setter = { kind: 'header'; url: string } | { kind: 'script'; url: string; inline: boolean } | { kind: 'unknown' };

export interface CookieObservation {
  name: string;
  /** As the browser stores it: a leading dot means the cookie is shared with subdomains. */
  domain: string;
  path: string;
  /** Seconds since epoch; null for a session cookie. */
  expires: number | null;
  httpOnly: boolean;
  secure: boolean;
  sameSite: string;
  setBy: Setter;
}

export type StorageType = 'local' | 'session' | 'indexeddb';

export interface StorageObservation {
  type: StorageType;
  /** Origin of the frame whose storage holds the key. */
  origin: string;
  /** The key; for IndexedDB the database name. */
  key: string;
  setBy: Setter;
}

export interface RequestObservation {
  url: string;
  /** host[:port], as in `URL.host`. */
  host: string;
  resourceType: string;
  method: string;
  /** URL of the frame that made it. */
  frame: string;
  /** Who caused it, nearest first: the script or document that asked, then what loaded that, up to the page. */
  initiators: string[];
  /** URLs this request was redirected from, first to last. */
  redirectedFrom: string[];
}

export interface Snapshot {
  phase: Phase;
  /** The page the snapshot was taken on (the next page for `next-page-after-reject`). */
  url: string;
  cookies: CookieObservation[];
  storage: StorageObservation[];
  /** Requests to other origins made during this phase only. */
  requests: RequestObservation[];
}

export interface PageVisit {
  url: string;
  depth: number;
  /** HTTP status of the main document, when it answered. */
  status: number | null;
  /** Set when the page could not be scanned (or only in part); the scan goes on. */
  error: string | null;
  timedOut: boolean;
  /** Whether window.Consentry was found on the page. */
  consentry: boolean;
  /** How the choice was made: through the page's API, by clicking the banner, or not at all. */
  consentBy: 'api' | 'click' | 'none';
  snapshots: Snapshot[];
  /** Same-origin links found on the page. */
  links: string[];
}

export type Category = string;
export const UNCLASSIFIED = 'unclassified';

export interface Classification {
  /** A category id, or `unclassified`: never silently essential. */
  category: Category;
  provider: string;
  purpose: string;
  /** Where the answer came from: the site's own consentry config, the SDK's tables, or nowhere. */
  source: 'config' | 'table' | 'sdk' | 'none';
  /** The vendor's privacy page, when the config or the tables know it. */
  privacyUrl?: string;
  /** How long the tables say the vendor keeps it ("2 years"); '' when unknown. */
  retention?: string;
  /** The config service it belongs to, when the site's config declares it. */
  service?: string;
  /** The declared or known pattern it matched (`_ga` prefix for `_ga_ABC123`). */
  pattern?: { name: string; prefix: boolean };
  /** The vendor catalogue's id (data/vendors) when the tables know the vendor from it: one drafted service per vendor. */
  vendor?: string;
}
