import type { Regime } from '../config/types';
import type { UiView } from './api';

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

/** Where a choice was made: the banner, the dialog, a held embed's placeholder, the API, or a browser signal honoured. */
export type ConsentVia = 'banner' | 'dialog' | 'placeholder' | 'api' | 'gpc' | 'dnt';

/** An opt-out preference signal the browser sends: Global Privacy Control, Do Not Track. */
export type PreferenceSignal = 'gpc' | 'dnt';

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
  /** Where the choice was made (records from before this field have none). */
  via?: ConsentVia;
  /** Language of the texts the visitor was shown ("en", "zh"). */
  lang?: string;
  /**
   * The visitor granted, in the dialog and after being told so, what their browser's opt-out preference
   * signal refuses. Without it the signal wins over the record (see decide.ts).
   */
  signalOverride?: boolean;
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
  /** The preference signal honoured on this page view (sent, and honoured by `signals`); DNT is the broader. */
  signal?: PreferenceSignal | null;
  /** An opt-out region honours a signal and nothing is recorded yet: a notice says so instead of a banner. */
  needsNotice?: boolean;
  /** Whether the banner must be shown (no valid record in an opt-in or opt-out regime). */
  needsBanner: boolean;
}

/** What visitors or the API may ask for. Missing categories are refused. */
export interface Choices {
  categories?: { [category: string]: boolean };
  services?: { [service: string]: boolean };
  ageGroup?: AgeGroup;
  crossBorder?: boolean;
  /**
   * Grant what the visitor's opt-out preference signal refuses. Only after telling the visitor that this
   * overrides their browser's signal (the dialog does so next to the switch).
   */
  overrideSignal?: boolean;
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
  shown: { view: UiView };
  hidden: { view: UiView };
  'unclassified-cookie': UnclassifiedCookie;
  withdraw: { categories: string[] };
  error: { error: Error };
}

export type ConsentEventName = keyof ConsentEvents;
