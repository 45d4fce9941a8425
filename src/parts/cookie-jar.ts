import Cookies from 'js-cookie';
import type { Settings } from '../core/config/types';
import { consentCookieName, consentCookieNames } from '../core/policy/consent-cookie';

/**
 * The consent cookie, written and removed through js-cookie (read by ./read-cookie, which the loader keeps).
 * Names, domains and paths come from a validated config, so they cannot carry ';' or newlines into the
 * cookie string. Written as `__Host-<name>` where ./consent-cookie says it can be.
 */
export interface CookieJarOptions {
  /** Current page protocol; Secure is set on https only (and SameSite=None needs Secure). */
  secure?: boolean;
}

function attributes(cookie: Settings['cookie'], secure: boolean, expires?: Date): Cookies.CookieAttributes {
  const sameSite = cookie.sameSite === 'None' && !secure ? 'Lax' : cookie.sameSite;
  const attrs: Cookies.CookieAttributes = { path: cookie.path, sameSite, secure };
  if (cookie.domain) attrs.domain = cookie.domain;
  if (expires) attrs.expires = expires;
  return attrs;
}

/** The host and its parent domains: where a stale copy may sit after `cookie.domain` changed. */
function domainsOf(host: string): string[] {
  const labels = host.split('.');
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
}

export function writeConsentCookie(cookie: Settings['cookie'], value: string, expires: Date, options: CookieJarOptions = {}) {
  const secure = options.secure ?? location.protocol === 'https:';
  try {
    // Exactly one consent cookie must remain: drop copies left on other domains by an older config.
    removeConsentCookie(cookie, options);
    Cookies.set(consentCookieName(cookie, secure), value, attributes(cookie, secure, expires));
  } catch {
    // Cookies disabled: the choice still holds for this page through the store.
  }
}

export function removeConsentCookie(cookie: Settings['cookie'], options: CookieJarOptions = {}) {
  const secure = options.secure ?? location.protocol === 'https:';
  try {
    const base = attributes(cookie, secure);
    // Every name it goes by (an old plain-name copy after the move to `__Host-`), on every domain.
    for (const name of consentCookieNames(cookie)) {
      Cookies.remove(name, { ...base, domain: undefined });
      for (const domain of domainsOf(location.hostname)) Cookies.remove(name, { ...base, domain });
    }
  } catch {
    /* cookies disabled */
  }
}
