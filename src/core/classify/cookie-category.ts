import type { Settings } from '../config/types';
import { isConsentCookie } from '../policy/consent-cookie';
import { knownCookieCategory } from './known-cookie-category';
import { matchesDeclared } from './name-pattern';

/**
 * Category a cookie name belongs to, or null when unknown (the caller applies the
 * `blocking.unknownCookies` policy). In order:
 *   1. the consent cookie itself (`settings.cookie.name`, default "consentry", or its `__Host-` form) is essential,
 *      whatever a declaration says: blocking it would make every choice unrecordable;
 *   2. the config's cookie declarations (`services[].cookies`: exact name, `*` pattern or prefix) give their
 *      service's category, so site owners can reclassify anything in the built-in table;
 *   3. the built-in table of well-known tracker cookies.
 */
export function cookieCategory(name: string, settings: Settings | null): string | null {
  if (isConsentCookie(name, settings)) return 'essential';
  for (const service of settings?.services || []) {
    for (const cookie of service.cookies) {
      if (matchesDeclared(cookie.name, cookie.prefix, name)) return service.category;
    }
  }
  return knownCookieCategory(name);
}
