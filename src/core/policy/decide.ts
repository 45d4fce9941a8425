import type { Settings } from '../config/types';
import { grantOf } from './grant-of';
import { regimeFor } from './regime';
import type { ConsentRecord, ConsentState, PreferenceSignal } from './types';

/** What the page knows about the visitor when deciding. */
export interface Signals {
  record: ConsentRecord | null;
  now: number;
  region: string | null;
  /** navigator.globalPrivacyControl === true */
  gpc: boolean;
  /** navigator.doNotTrack === '1' */
  dnt: boolean;
}

const DAY = 864e5;

/**
 * A record counts only while it is unexpired, made under the current config revision, and no longer-lived
 * than the config allows. A cookie is whatever someone wrote: a record claiming a later revision would
 * survive every revision bump, and one that expires in ten years would outlive any consent (a day's
 * leeway for the clocks of a server that reads it).
 */
export function isRecordValid(record: ConsentRecord | null, settings: Settings, now: number): record is ConsentRecord {
  return !!record && record.expires > now && record.revision == settings.revision && record.expires <= now + (settings.cookie.expiresDays + 1) * DAY;
}

/**
 * What an honoured signal objects to: GPC to selling and sharing (the advertising category), DNT (where
 * the owner enables it) to every non-essential category.
 */
export function refusedBySignal(signal: PreferenceSignal | null | undefined, category: string): boolean {
  return signal === 'dnt' || (signal === 'gpc' && category === 'advertising');
}

/**
 * The one place a decision is made. Pure: the same settings and signals always give the same state.
 * - opt-in: nothing non-essential without a valid record.
 * - opt-out: everything until the visitor objects; no banner for a visitor whose signal already objects,
 *   a notice that it was honoured instead.
 * - notice-only: everything, no banner.
 * In every regime an honoured signal (`signals` config) refuses what it objects to, before anything runs
 * and over any record, unless the visitor overrode it in the dialog after being told so.
 * A minor's advertising is never granted on the visitor's own say.
 */
export function decide(settings: Settings, signals: Signals): ConsentState {
  const regime = regimeFor(settings.regions, signals.region);
  // A record the loader made by honouring a signal in an opt-out region (method "gpc"/"dnt") says what ran
  // there by default, not what the visitor agreed to: in any other regime it counts for nothing.
  const made = signals.record?.method;
  const record =
    isRecordValid(signals.record, settings, signals.now) && (regime === 'opt-out' || (made !== 'gpc' && made !== 'dnt'))
      ? signals.record
      : null;
  const signal: PreferenceSignal | null =
    signals.dnt && settings.signals.dnt ? 'dnt' : signals.gpc && settings.signals.gpc ? 'gpc' : null;
  const byDefault = regime !== 'opt-in';
  const categories: { [id: string]: boolean } = {};
  for (const { id, required } of settings.categories) {
    const stored = record && grantOf(record.categories, id);
    const objected = refusedBySignal(signal, id) && !record?.signalOverride;
    categories[id] = required || (!objected && (stored ?? byDefault));
  }
  if (record?.ageGroup === 'minor') categories.advertising = false;
  const services: { [id: string]: boolean } = {};
  for (const { id, category } of settings.services) {
    services[id] = categories[category] && ((record && grantOf(record.services, id)) ?? true);
  }
  const notice = !record && regime === 'opt-out' && !!signal;
  return {
    status: record ? 'decided' : 'pending',
    categories,
    services,
    record,
    regime,
    region: signals.region,
    gpc: signals.gpc,
    signal,
    needsBanner: !record && regime !== 'notice-only' && !notice,
    needsNotice: notice,
  };
}
