import type { CookieSettingsConfig } from '../../core/config/types';
import { COOKIE_PATH } from '../../core/config/patterns';
import { MAX_EXPIRES_DAYS } from '../../core/config/limits';
import { cookieDomain } from './cookie-names';
import type { Draft } from './config-draft';

export interface OldCookieSettings {
  /** The old consent cookie's name (or storage key) and where it was set, if set. */
  name: [value: string, path: string];
  domain?: [value: unknown, path: string];
  path?: [value: unknown, path: string];
  sameSite?: [value: unknown, path: string];
  days?: [value: unknown, path: string];
}

/**
 * The consent cookie's domain, path, SameSite and lifetime carried over. The old tool's record is in its
 * own format, so consentry never reads it: visitors are asked once again, and that is said in a note.
 */
export function convertCookieSettings(draft: Draft, old: OldCookieSettings) {
  const cookie: CookieSettingsConfig = {};
  const [name, namePath] = old.name;
  draft.note(
    namePath,
    `choices stored by the old tool (in "${name}") are not read: visitors are asked once again, and consentry keeps their choice in its own cookie "consentry". The old cookie can be deleted`,
  );
  if (old.domain && old.domain[0] != null) {
    const host = cookieDomain(old.domain[0]);
    if (host) cookie.domain = host;
    else draft.note(old.domain[1], `${JSON.stringify(old.domain[0])} is not a host name: the choice is kept for the page's host only`);
  }
  if (old.path && old.path[0] != null) {
    if (typeof old.path[0] == 'string' && COOKIE_PATH.test(old.path[0])) cookie.path = old.path[0];
    else draft.note(old.path[1], `${JSON.stringify(old.path[0])} is not a cookie path: "/" is used`);
  }
  if (old.sameSite && old.sameSite[0] != null) {
    const value = String(old.sameSite[0]).toLowerCase();
    const sameSite = value == 'lax' ? 'Lax' : value == 'strict' ? 'Strict' : value == 'none' ? 'None' : undefined;
    if (sameSite) cookie.sameSite = sameSite;
    else draft.note(old.sameSite[1], `${JSON.stringify(old.sameSite[0])} is not a SameSite value: "Lax" is used`);
  }
  if (old.days && old.days[0] != null) {
    const days = old.days[0];
    if (typeof days == 'number' && Number.isFinite(days)) {
      const whole = Math.min(Math.max(Math.round(days), 1), MAX_EXPIRES_DAYS);
      if (whole != days)
        draft.note(old.days[1], `${days} days became ${whole}: consentry keeps a choice 1 to ${MAX_EXPIRES_DAYS} days (13 months)`);
      cookie.expiresDays = whole;
    } else {
      const what = typeof days == 'function' ? 'a function (code)' : 'not a number of days';
      draft.note(old.days[1], `${what}: not carried over, 182 days (6 months) is used; consentry keeps every choice equally long`);
    }
  }
  if (Object.keys(cookie).length) draft.rest.cookie = cookie;
}
