import { catalogueHostsOf } from '../classify/catalogue-service-hosts';
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

/**
 * A migrated service keeps the old tool's name as its id ("googleanalytics"), while the HTML rewriter and the
 * compiled config link a service to the vendor catalogue by id ("google-analytics": the vendor's hosts then
 * wait for the service's own grant, separate consents included, not its category alone). When the service's
 * catalogued cookies are all one vendor's, a note names that vendor's id; the id is not changed, because the
 * page's markup (`data-service`) must change with it, and the site owner decides.
 */
export function noteCatalogueVendors(config: ConsentryConfig, notes: string[]): void {
  const services = config.services || [];
  const ids = new Set(services.map((service) => service.id));
  for (const service of services) {
    const vendors = new Map<string, string>();
    for (const cookie of service.cookies || []) {
      const match = classifyCookieFull({ name: cookie.prefix ? cookie.name + 'x1' : cookie.name });
      if (match?.vendorId) vendors.set(match.vendorId, match.provider);
    }
    const [[vendorId, provider] = []] = vendors;
    if (vendors.size != 1 || ids.has(vendorId!) || !catalogueHostsOf(vendorId!).length) continue;
    notes.push(
      `services.${service.id}: its cookies are ${provider}'s, whose id in consentry's catalogue is "${vendorId}"; with that id (and ` +
        `data-service="${vendorId}" in your markup) the catalogue's hosts of ${provider} wait for this service's own grant in the HTML ` +
        'rewriter and a compiled config, not for its category alone',
    );
  }
}
