import type { Settings } from '../config/types';
import { grantOf } from './grant-of';
import { isChildAlone } from './minors';
import { regimeFor } from './regime';
import { consentsAsked } from './separate-consents';
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
  return (
    !!record &&
    record.expires > now &&
    record.revision == settings.revision &&
    record.expires <= now + (settings.cookie.expiresDays + 1) * DAY
  );
}

/** The categories "Do Not Sell or Share" and Global Privacy Control refuse (`optOut.sale`). */
export const saleCategories = (settings: Settings): string[] => settings.optOut?.sale || ['advertising'];

/**
 * What an honoured signal objects to: GPC to selling and sharing (`sale`, the advertising category unless
 * the config maps more), DNT (where the owner enables it) to every non-essential category.
 */
export function refusedBySignal(signal: PreferenceSignal | null | undefined, category: string, sale: string[]): boolean {
  return signal === 'dnt' || (signal === 'gpc' && sale.includes(category));
}

/**
 * The one place a decision is made. Pure: the same settings and signals always give the same state.
 * - opt-in: nothing non-essential without a valid record.
 * - opt-out: everything until the visitor objects (with `minors.ask`, nothing until the age is answered);
 *   no banner for a visitor whose signal already objects, a notice that it was honoured instead.
 * - notice-only: everything, no banner.
 * In every regime an honoured signal (`signals` config) refuses what it objects to, before anything runs
 * and over any record, unless the visitor overrode it in the dialog after being told so.
 * A visitor under the age threshold grants nothing optional on their own say, only with a guardian's confirmation.
 * A separate consent asked in this region (PIPL 单独同意) is granted only by the record saying so, and a
 * service that needs it runs only when its category, its own choice and that consent all allow it.
 */
export function decide(settings: Settings, signals: Signals): ConsentState {
  const regime = regimeFor(settings.regions, signals.region);
  // A record the loader made by honouring a signal in an opt-out region (method "gpc"/"dnt") says what ran
  // there by default, not what the visitor agreed to: in any other regime it counts for nothing. A record of
  // a CCPA opt-out (made in the view of a "do-not-sell" or "limit-sensitive" link) is the same, except that
  // what it refuses stays refused: it is honoured like the signal, wherever the visitor goes next, until they
  // choose again.
  const made = signals.record?.method;
  const valid = isRecordValid(signals.record, settings, signals.now);
  const byOptOut = signals.record?.via === 'opt-out-link';
  const record = valid && (regime === 'opt-out' || (made !== 'gpc' && made !== 'dnt' && !byOptOut)) ? signals.record : null;
  const optedOut = valid && byOptOut && !record ? signals.record!.categories : {};
  const signal: PreferenceSignal | null = signals.dnt && settings.signals.dnt ? 'dnt' : signals.gpc && settings.signals.gpc ? 'gpc' : null;
  const sale = saleCategories(settings);
  // Where the site asks the age, an opt-out region's defaults wait for the answer too: a child's data
  // must not flow before anyone knows it is a child's (COPPA, PIPL art. 31).
  const byDefault = regime === 'notice-only' || (regime === 'opt-out' && !settings.minors.ask);
  const child = isChildAlone(record);
  const categories: { [id: string]: boolean } = {};
  for (const { id, required } of settings.categories) {
    const stored = record && grantOf(record.categories, id);
    const objected = (refusedBySignal(signal, id, sale) && !record?.signalOverride) || optedOut[id] === false;
    categories[id] = required || (!child && !objected && (stored ?? byDefault));
  }
  const consents: { [id: string]: boolean } = {};
  for (const { id } of consentsAsked(settings, signals.region)) {
    consents[id] = !child && !!record?.consents && grantOf(record.consents, id) === true;
  }
  const services: { [id: string]: boolean } = {};
  for (const { id, category, separateConsents = [] } of settings.services) {
    services[id] =
      categories[category] &&
      ((record && grantOf(record.services, id)) ?? true) &&
      // A consent not asked in this region holds nothing back.
      separateConsents.every((consent) => grantOf(consents, consent) ?? true);
  }
  const notice = !record && regime === 'opt-out' && !!signal;
  return {
    status: record ? 'decided' : 'pending',
    categories,
    services,
    consents,
    record,
    regime,
    region: signals.region,
    gpc: signals.gpc,
    signal,
    needsBanner: !record && regime !== 'notice-only' && !notice,
    needsNotice: notice,
  };
}
