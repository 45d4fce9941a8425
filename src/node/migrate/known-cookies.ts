import { classifyCookieFull } from '../classify/classify-cookie-full';
import type { ConsentryConfig } from '../../core/config/types';

/**
 * Holds the migrated services' cookies against the vendor catalogue (through the full cookie table, whose
 * catalogue rows win): a cookie the catalogue files under another built-in category than the service it
 * was moved into is named in a note, because the old tool's category is carried over as it was, and a
 * vendor filed under the wrong category is released by the wrong consent. The category is not changed:
 * the site owner decides.
 */
export function noteCatalogueCategories(config: ConsentryConfig, notes: string[]): void {
  const services = config.services || [];
  for (const service of services) {
    if (!['essential', 'analytics', 'advertising'].includes(service.category)) continue;
    for (const cookie of service.cookies || []) {
      const match = classifyCookieFull({ name: cookie.prefix ? cookie.name + 'x1' : cookie.name });
      if (!match?.vendorId || match.category == service.category) continue;
      notes.push(
        `services.${service.id}: cookie ${cookie.name}${cookie.prefix ? '…' : ''} is ${match.provider}'s, which consentry's vendor catalogue files under ` +
          `${match.category}, not ${service.category}: check the service's category`,
      );
    }
  }
}
