import { hostCategory } from './host-category';
import { isHostWithin } from './host-within';
import { isWebUrl, resolveUrl } from './resolve-url';
import { pathCategory } from './path-category';
import type { ClassifyingSettings } from './need';

export interface UrlCategory {
  /** A built-in or custom category id. */
  category: string;
  /** The config service the URL belongs to, when a rule or a service's `hosts` named one. */
  service?: string;
}

/**
 * Whether a `blocking.rules[].match` covers the URL. A match without "/" is a host (subdomains
 * match); one starting with a single "/" is a path prefix on the page's own origin; anything else
 * ("https://cdn.example.com/tags/", "//cdn.example.com/tags/", "cdn.example.com/tags/") is a URL
 * prefix. Compared case-insensitively: a rule that over-matches by case only blocks more.
 */
function ruleMatches(match: string, target: URL, sameOrigin: boolean): boolean {
  const m = match.toLowerCase();
  if (m.indexOf('/') < 0) return isHostWithin(target.hostname, m);
  const href = target.href.toLowerCase();
  if (m[0] == '/' && m[1] != '/') return sameOrigin && href.startsWith(target.origin + m);
  const afterScheme = href.slice(target.protocol.length);
  return href.startsWith(m) || afterScheme.startsWith(m) || afterScheme.slice(2).startsWith(m);
}

/**
 * Category (and service) of a tag's URL, or null when nothing claims it. In order:
 *   1. the site's rules (`settings.blocking.rules`), first match wins; a rule naming a service
 *      takes that service's category unless it sets one itself;
 *   2. then same-origin URLs are the site's own: null;
 *   3. the `hosts` of the config's services;
 *   4. the built-in tables: tracker URL paths on shared hosts (`www.facebook.com/tr`), then
 *      well-known tracker hosts.
 * The URL is read as the browser reads it (`resolveUrl`), relative to `base` (the document's base URL).
 * Only http(s) and ws(s) URLs are classified; an invalid URL gives null, never an exception.
 */
export function urlCategory(url: string, settings: ClassifyingSettings | null, base?: string): UrlCategory | null {
  const target = resolveUrl(url, base);
  if (!target || !isWebUrl(target)) return null;
  // The constructor above parsed base already, so this cannot throw.
  const sameOrigin = !!base && new URL(base).origin == target.origin;
  const services = settings?.services || [];
  for (const rule of settings?.blocking.rules || []) {
    if (!ruleMatches(rule.match, target, sameOrigin)) continue;
    const category = rule.category || services.find((s) => s.id == rule.service)?.category;
    if (category) return rule.service ? { category, service: rule.service } : { category };
  }
  if (sameOrigin) return null;
  for (const service of services) {
    if (service.hosts.some((host) => isHostWithin(target.hostname, host))) {
      return { category: service.category, service: service.id };
    }
  }
  // A path pattern (www.facebook.com/tr) is more specific than a host, so it is asked first.
  const category = pathCategory(target) || hostCategory(target.hostname);
  return category ? { category } : null;
}
