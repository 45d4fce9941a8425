import { heldCategory } from '../../core/classify/third-party';
import { isWebUrl, resolveUrl } from '../../core/classify/resolve-url';
import { urlCategory } from '../../core/classify/url-category';
import type { Settings } from '../../core/config/types';
import { isCatalogueVendor, withCatalogueHosts } from '../classify/catalogue-service-hosts';
import { classifyPathFull } from '../classify/classify-path-full';
import type { Classification } from './plan-gate';

/** Classifies one URL as written in a page whose base URL is `base`. */
export type UrlClassifier = (url: string, settings: Settings | null, base: string) => Classification | null;

/**
 * What the catalogue adds to one config, worked out once (a page has many URLs): the settings with its
 * vendors' hosts, or null when no service is a catalogue vendor (then nothing is added to classify).
 */
const linkedOf = new WeakMap<Settings, Settings | null>();
function linkedSettings(settings: Settings): Settings | null {
  let linked = linkedOf.get(settings);
  if (linked === undefined) {
    linked = settings.services.some((service) => isCatalogueVendor(service.id)) ? withCatalogueHosts(settings) : null;
    linkedOf.set(settings, linked);
  }
  return linked;
}

/** A category no table or config can give: marks the site's rules, to ask `urlCategory` whether one matched. */
const RULE_MARK = '\0rule';

/** Whether one of the site's `blocking.rules` claims the URL, by `urlCategory`'s own matching (its step 1). */
function claimedByRule(url: string, settings: Settings, base: string): boolean {
  const rules = settings.blocking.rules.map((rule) => ({ ...rule, category: RULE_MARK }));
  return rules.length > 0 && urlCategory(url, { blocking: { autoBlock: true, rules }, services: [] }, base)?.category == RULE_MARK;
}

/** The config's service that is the catalogue vendor of one of its URL patterns (`www.facebook.com/tr`: `meta-pixel`). */
function servicePath(url: string, settings: Settings, base: string): Classification | null {
  const target = resolveUrl(url, base);
  // Same-origin URLs are the site's own, as at run time (a `*/…` pattern on the site's origin included).
  if (!target || !isWebUrl(target) || target.origin == resolveUrl(base)?.origin) return null;
  const vendorId = classifyPathFull(target)?.vendorId;
  const service = vendorId ? settings.services.find((candidate) => candidate.id == vendorId) : undefined;
  return service ? { category: service.category, service: service.id } : null;
}

/**
 * The runtime auto-blocker's classification (site rules, then same-origin, then service hosts, then the
 * loader host table, then strict mode's unknown cross-site hosts), so the server and the page agree, with
 * one addition the page cannot make: a service whose id is a catalogue vendor's (data/vendors) claims that
 * vendor's URL patterns and hosts, after the site's rules and declared hosts. The held tag then carries
 * `data-service` and waits for the service's own grant (separate consents, a visitor's "off"), not for its
 * category alone. A compiled config (`build-config --compiled`) carries those hosts in the service's
 * `hosts`, so the page agrees on them too. With `blocking.autoBlock: false` the runtime classifies
 * nothing, and neither does this.
 */
export const classifyUrl: UrlClassifier = (url, settings, base) => {
  if (!settings) return heldCategory(url, settings, base);
  if (!settings.blocking.autoBlock) return null;
  const declared = heldCategory(url, settings, base);
  const linked = linkedSettings(settings);
  if (!linked || declared?.service || (declared && claimedByRule(url, settings, base))) return declared;
  // A URL pattern is more specific than a host (data/vendors/README.md), so it is asked first.
  return servicePath(url, settings, base) || heldCategory(url, linked, base);
};
