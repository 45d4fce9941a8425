import type { Regime } from '../config/types';

/** How a decision came about; stored in the record and sent in receipts. */
export type ConsentMethod =
  | 'accept-all'
  | 'reject-all'
  | 'custom'
  | 'close'
  | 'gpc'
  | 'dnt'
  | 'region-default'
  | 'api';

export type AgeGroup = 'adult' | 'minor';

/** What is stored in the consent cookie (see record.ts for the wire format). */
export interface ConsentRecord {
  /** Random id the visitor can quote to the site owner. */
  id: string;
  /** When the choice was made (ms since epoch). */
  time: number;
  /** Config revision the choice was made under. */
  revision: number;
  /** Per-category choices; essential is implied and never stored as false. */
  categories: { [category: string]: boolean };
  /** Per-service overrides inside a category. */
  services: { [service: string]: boolean };
  method: ConsentMethod;
  /** When the record stops being valid (ms since epoch). */
  expires: number;
  /** Region code the decision was made in, if known. */
  region?: string;
  ageGroup?: AgeGroup;
  /** PIPL cross-border transfer consent, asked separately. */
  crossBorder?: boolean;
}

/** The one source of truth every effect subscribes to. */
export interface ConsentState {
  /** `pending`: no valid record; the visitor has to be asked (opt-in) or may object (opt-out). */
  status: 'pending' | 'decided';
  /** Effective grants, essential always true. */
  categories: { [category: string]: boolean };
  services: { [service: string]: boolean };
  record: ConsentRecord | null;
  regime: Regime;
  region: string | null;
  /** Global Privacy Control was seen on this page view. */
  gpc: boolean;
  /** Whether the banner must be shown (no valid record in an opt-in or opt-out regime). */
  needsBanner: boolean;
}

/** What visitors or the API may ask for. Missing categories are refused. */
export interface Choices {
  categories?: { [category: string]: boolean };
  services?: { [service: string]: boolean };
  ageGroup?: AgeGroup;
  crossBorder?: boolean;
}

export interface UnclassifiedCookie {
  name: string;
  /** What the guard did with it. */
  action: 'allowed' | 'blocked';
}

export interface ConsentEvents {
  ready: ConsentState;
  /** Every decision, including one that changes nothing. */
  consent: ConsentState;
  /** Only categories/services whose grant changed. */
  change: { categories: { [id: string]: boolean }; services: { [id: string]: boolean }; state: ConsentState };
  shown: { view: 'banner' | 'preferences' };
  hidden: { view: 'banner' | 'preferences' };
  'unclassified-cookie': UnclassifiedCookie;
  withdraw: { categories: string[] };
  error: { error: Error };
}

export type ConsentEventName = keyof ConsentEvents;
