import type { ClassifyingSettings } from './need';
import { isWebUrl, resolveUrl } from './resolve-url';
import { isSameSite } from './same-site';
import { urlCategory, type UrlCategory } from './url-category';

/** A URL's category for holding: `urlCategory`, and in strict mode a category for every other cross-site host. */
export interface HeldCategory extends UrlCategory {
  /** Set when only `blocking.thirdParty: "hold"` claims the URL (no rule, service or table names its host). */
  unknown?: boolean;
}

/**
 * What a tag or request to `url` waits for. With `blocking.thirdParty: "hold"`, a URL that nothing names
 * (`urlCategory` null: no rule, no service's `hosts`, no built-in table, not same-origin) waits for
 * `blocking.unknownCategory` (default "advertising", the consent a visitor gives least lightly: a host no
 * one has looked at may do anything) unless it is same-site (`isSameSite`). Declared-essential hosts never
 * get here: a rule or service naming them returned "essential" already.
 */
export function heldCategory(url: string, settings: ClassifyingSettings | null, base?: string): HeldCategory | null {
  const found = urlCategory(url, settings, base);
  if (found || settings?.blocking.thirdParty != 'hold') return found;
  const target = resolveUrl(url, base);
  // The page's site is read from the base URL, as same-origin is in urlCategory.
  return target && isWebUrl(target) && !isSameSite(target.hostname, base ? new URL(base).hostname : '')
    ? { category: settings.blocking.unknownCategory || 'advertising', unknown: true }
    : null;
}
