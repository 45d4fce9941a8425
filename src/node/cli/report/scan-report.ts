import type { Classification, PageVisit, Phase, Setter, StorageType } from '../types';

/** What every finding says: whose it is, where and when it was seen, and how it was sorted. */
export interface Finding {
  party: 'first' | 'third';
  /** URLs of the pages where it was seen. */
  pages: string[];
  phases: Phase[];
  /** Pages where it was there before any choice. */
  pagesBeforeConsent: string[];
  classification: Classification;
}

export interface CookieFinding extends Finding {
  name: string;
  /** Without the leading dot. */
  domain: string;
  path: string;
  /** Seconds since epoch of the latest expiry seen; null for a session cookie. */
  expires: number | null;
  duration: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite: string;
  /** Who set it (at most 5). */
  setBy: Setter[];
}

export interface StorageFinding extends Finding {
  type: StorageType;
  key: string;
  origin: string;
  setBy: Setter[];
}

/** Requests to one origin for one service (an origin may serve several, told apart by URL prefix). */
export interface RequestFinding extends Finding {
  /** host[:port] */
  host: string;
  origin: string;
  resourceTypes: string[];
  count: number;
  /** Distinct URLs requested (at most 50). */
  urls: string[];
  /** Distinct initiator chains (at most 10), nearest first. */
  initiators: string[][];
}

export interface PageSummary {
  url: string;
  depth: number;
  status: number | null;
  error: string | null;
  timedOut: boolean;
  consentry: boolean;
  consentBy: PageVisit['consentBy'];
}

/** Everything one scan found: what scan.json holds and what the reports and draft config are made from. */
export interface ScanReport {
  tool: { name: 'consentry'; version: string };
  startUrl: string;
  origin: string;
  scannedAt: string;
  durationMs: number;
  /** Whether consentry runs on the site (its settings then took part in the sorting). */
  consentry: boolean;
  pages: PageSummary[];
  cookies: CookieFinding[];
  storage: StorageFinding[];
  requests: RequestFinding[];
  /** Every page's raw observations, phase by phase. */
  visits: PageVisit[];
}
