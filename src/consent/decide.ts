import type { Settings } from '../config/types';
import { grantOf } from './grant-of';
import { regimeFor } from './regime';
import type { ConsentRecord, ConsentState } from './types';

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
 * The one place a decision is made. Pure: the same settings and signals always give the same state.
 * - opt-in: nothing non-essential without a valid record.
 * - opt-out: everything until the visitor objects; GPC objects to advertising (sale/sharing) at once,
 *   and overrides an earlier opt-in; DNT objects to all when the owner enables it.
 * - notice-only: everything, no banner.
 * A minor's advertising is never granted on the visitor's own say.
 */
export function decide(settings: Settings, signals: Signals): ConsentState {
  const regime = regimeFor(settings.regions, signals.region);
  const record = isRecordValid(signals.record, settings, signals.now) ? signals.record : null;
  const gpc = signals.gpc && settings.signals.gpc;
  const dnt = signals.dnt && settings.signals.dnt;
  const byDefault = regime !== 'opt-in' && !(regime === 'opt-out' && dnt);
  const categories: { [id: string]: boolean } = {};
  for (const { id, required } of settings.categories) {
    const stored = record && grantOf(record.categories, id);
    categories[id] = required || (stored ?? byDefault);
  }
  if (regime === 'opt-out' && gpc) categories.advertising = false;
  if (record?.ageGroup === 'minor') categories.advertising = false;
  const services: { [id: string]: boolean } = {};
  for (const { id, category } of settings.services) {
    services[id] = categories[category] && ((record && grantOf(record.services, id)) ?? true);
  }
  return {
    status: record ? 'decided' : 'pending',
    categories,
    services,
    record,
    regime,
    region: signals.region,
    gpc: signals.gpc,
    needsBanner: !record && regime !== 'notice-only',
  };
}
