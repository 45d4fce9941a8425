import type { Settings } from '../config/types';
import { knownCookieCategory } from './known-cookie-category';

/** Name of the consent cookie when the config does not set one. */
const DEFAULT_CONSENT_COOKIE = 'consentry';

/**
 * Category a cookie name belongs to, or null when unknown (the caller applies the
 * `blocking.unknownCookies` policy). In order:
 *   1. the consent cookie itself (`settings.cookie.name`, default "consentry", or its `__Host-` form) is essential,
 *      whatever a declaration says: blocking it would make every choice unrecordable;
 *   2. the config's cookie declarations (`services[].cookies`, exact name or prefix) give their
 *      service's category, so site owners can reclassify anything in the built-in table;
 *   3. the built-in table of well-known tracker cookies.
 */
export function cookieCategory(name: string, settings: Settings | null): string | null {
  // Either name it goes by: `__Host-<name>` or the plain one (./consent/consent-cookie).
  if (name.replace(/^__Host-/, '') === (settings?.cookie.name || DEFAULT_CONSENT_COOKIE).replace(/^__Host-/, '')) return 'essential';
  for (const service of settings?.services || []) {
    for (const cookie of service.cookies) {
      if (cookie.prefix ? name.startsWith(cookie.name) : name === cookie.name) return service.category;
    }
  }
  return knownCookieCategory(name);
}
