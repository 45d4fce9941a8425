import { DEFAULT_COOKIE_NAME } from '../config/defaults';
import type { Settings } from '../config/types';
import { isRecordValid } from './decide';
import { decodeRecord } from './record';
import type { ConsentRecord } from './types';

const HOST = '__Host-';

/** The day this SDK began writing `__Host-` names: a plain-name record made later is not one it migrates. */
const PLAIN_NAME_UNTIL = Date.UTC(2026, 11, 7);

const plainName = (name: string) => name.replace(/^__Host-/, '');

/**
 * Whether `name` is the consent cookie, under either name it goes by; before the config is known, under the
 * default name. The cookie guard and clean-up leave it alone whatever a declaration says.
 */
export const isConsentCookie = (name: string, settings: Settings | null): boolean =>
  plainName(name) == plainName(settings?.cookie.name || DEFAULT_COOKIE_NAME);

/**
 * The names the consent cookie goes by, most trustworthy first. Where the site has no cross-subdomain need
 * (no `cookie.domain`, path "/") that is `__Host-<name>`: a browser takes it only from this very host, over
 * https, so no sibling subdomain can plant or shadow it. Then the plain name: written where `__Host-`
 * cannot be (http pages, a shared `cookie.domain`), and read for records written before.
 */
export function consentCookieNames(cookie: Pick<Settings['cookie'], 'name' | 'domain' | 'path'>): string[] {
  const plain = plainName(cookie.name);
  return !cookie.domain && cookie.path == '/' ? [HOST + plain, plain] : [plain];
}

/** The name a choice is written under: `__Host-` only where the browser will accept it (https). */
export const consentCookieName = (cookie: Settings['cookie'], secure: boolean): string => {
  const names = consentCookieNames(cookie);
  return names[secure ? 0 : names.length - 1];
};

// A service never takes a category's id (the validator refuses it), so the two fit in one object.
const grants = (record: ConsentRecord) => Object.values({ ...record.categories, ...record.services }).filter(Boolean).length;

/**
 * The record to decide from, among every consent cookie the page sees (`valuesOf(name)` lists each cookie
 * of that name). Several can share a name: a `Domain=` copy from a sibling subdomain, one with a longer
 * path. The rule:
 * - only valid records count (right revision, unexpired, expiry within `cookie.expiresDays`);
 * - a `__Host-` record beats any plain one, since only this host can have written it;
 * - among records of one name the most restrictive wins: the fewest grants (categories and services),
 *   the first of equals. A planted acceptance never overrides a recorded rejection.
 * Where `__Host-` is the name written (https, `secure`), a plain-name record is one an older version
 * wrote before this one took over: only those made before `__Host-` names are read.
 */
export function pickConsentRecord(
  settings: Settings,
  now: number,
  valuesOf: (name: string) => string[],
  secure: boolean,
): ConsentRecord | null {
  const names = consentCookieNames(settings.cookie);
  for (const name of names) {
    let best: ConsentRecord | null = null;
    for (const value of valuesOf(name)) {
      const record = decodeRecord(value);
      const migrating = secure && name != names[0];
      if (
        isRecordValid(record, settings, now) &&
        !(migrating && record.time >= PLAIN_NAME_UNTIL) &&
        (!best || grants(record) < grants(best))
      )
        best = record;
    }
    if (best) return best;
  }
  return null;
}
