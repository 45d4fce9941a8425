import { REGION } from '../../core/config/patterns';
import type { Settings } from '../../core/config/types';
import { decide } from '../../core/policy/decide';
import { pickConsentRecord } from '../../core/policy/consent-cookie';
import { cookieValues } from '../../core/cookies/cookies';
import { grantsOf, type Grants } from './grants';

export interface RequestSignals {
  /** The visitor's region code ("DE", "US-CA"), as the site knows it (e.g. a CDN country header). */
  region?: string | null;
  /** The request carried `Sec-GPC: 1`. */
  gpc?: boolean;
  /** The request carried `DNT: 1`. */
  dnt?: boolean;
  /**
   * The page is served over https, where the runtime writes the consent cookie as `__Host-<name>`: a
   * plain-name record made since then is then no migrating visitor's but a planted one, and is refused as
   * the page refuses it. Default false (a plain-name record counts, as on http).
   */
  https?: boolean;
  /** For tests; defaults to Date.now(). */
  now?: number;
}

/**
 * The grants the runtime will compute on this page view, worked out on the server from the same
 * consent cookie and the same `decide()`: what the visitor granted stays untouched, so granted
 * visitors lose nothing, and an invalid, expired or outdated record grants nothing but `essential`
 * (in an opt-in regime). In opt-out and notice-only regimes `decide()` grants by default, and so does this.
 */
export function grantedFromCookieHeader(cookieHeader: string | null | undefined, settings: Settings, signals: RequestSignals = {}): Grants {
  const region = signals.region ? signals.region.trim().toUpperCase() : '';
  const now = signals.now ?? Date.now();
  const state = decide(settings, {
    // The same choice among several cookies as the page makes.
    record: pickConsentRecord(settings, now, (name) => cookieValues(cookieHeader, name), signals.https === true),
    now,
    region: REGION.test(region) ? region : null,
    gpc: signals.gpc === true,
    dnt: signals.dnt === true,
  });
  return grantsOf(
    Object.keys(state.categories).filter((id) => state.categories[id]),
    state.services,
  );
}
