import { isHostWithin } from '../../core/classify/host-within';
import type { ClassifyingSettings } from '../../core/classify/need';
import { VENDOR_HOSTS } from '../tables/full-vendor-hosts';

// Node side only (HTML rewriter, build-config, validate): the loader's tables carry no vendor ids, so at run
// time a catalogue host is held for its category alone unless the config's service lists it in `hosts`.

type Services = ClassifyingSettings['services'];

/** Whether `id` is a vendor's id in the catalogue (data/vendors). */
export const isCatalogueVendor = (id: string): boolean => Object.hasOwn(VENDOR_HOSTS, id);

/** The catalogue's hosts of the vendor whose id is `vendorId` (data/vendors), [] for an id it does not know. */
export function catalogueHostsOf(vendorId: string): readonly string[] {
  return isCatalogueVendor(vendorId) ? VENDOR_HOSTS[vendorId] : [];
}

/**
 * The catalogue hosts the config's service at `index` gains, when its id is a catalogue vendor's (the id the
 * scanner's draft gives a vendor's service): those its own `hosts` do not cover yet, declared ones first. The
 * config's own word wins, as in `urlCategory` (first service whose hosts match): a host another service
 * declares, or one inside it, is left to that service, and so is a host that would reach, before that
 * service's turn, a narrower host it declares.
 */
export function addedCatalogueHosts(services: Services, index: number): string[] {
  const service = services[index];
  const catalogue = catalogueHostsOf(service.id);
  const added: string[] = [];
  for (const host of catalogue) {
    // Covered already: by the service's own hosts, or by a broader catalogue host of the same vendor.
    if (service.hosts.some((own) => isHostWithin(host, own))) continue;
    if (catalogue.some((other) => other != host && isHostWithin(host, other))) continue;
    const taken = services.some(
      (other, at) => at != index && other.hosts.some((theirs) => isHostWithin(host, theirs) || (at > index && isHostWithin(theirs, host))),
    );
    if (!taken) added.push(host);
  }
  return added;
}

/**
 * The settings with each service that is a catalogue vendor holding the vendor's hosts too, so that the
 * runtime's `urlCategory` (step 3, a service's `hosts`) holds them for the service: its own grant releases
 * them, separate consents and a visitor's "off" included, not its category alone. The settings are returned
 * as they are when nothing is added.
 */
export function withCatalogueHosts<T extends ClassifyingSettings>(settings: T): T {
  let changed = false;
  const services = settings.services.map((service, index) => {
    const added = addedCatalogueHosts(settings.services, index);
    if (!added.length) return service;
    changed = true;
    return { ...service, hosts: [...service.hosts, ...added] };
  });
  return changed ? { ...settings, services } : settings;
}
