import type { BuiltInCategory } from '../../core/config/types';
import { isHostWithin } from '../../core/classify/host-within';
import { wildcardRegExp } from '../../core/classify/wildcard';
import { FULL_COOKIE_PROVIDERS, FULL_COOKIE_ROWS, type FullCookieRow } from '../tables/full-cookies';

// Node side only (scanner, HTML rewriter, docs): the full table is ~460 KB; loader code uses cookieCategory.

export interface FullCookieQuery {
  name: string;
  /** Domain the cookie lives on (a leading dot is ignored). Omit, or give the site's host, for first-party cookies. */
  domain?: string;
}

export interface FullCookieMatch {
  /** Name of the matching entry; a prefix when `prefix` is true, a pattern (`*` anywhere) when `wildcard` is. */
  name: string;
  prefix: boolean;
  wildcard: boolean;
  category: BuiltInCategory;
  /** Platform / vendor, e.g. "Google Analytics", "Baidu", "CNZZ (Umeng)". */
  provider: string;
  controller: string;
  /** Vendor privacy or rights portal, '' when unknown. */
  privacyUrl: string;
  description: string;
  retention: string;
  /** Hosts the vendor sets it on; empty when it is set on the site itself. */
  domains: string[];
  /** True when the cookie's domain decided the match; false when its distinctive name alone did. */
  byDomain: boolean;
  /** Open Cookie Database's own label ("Marketing", "Functional", …); '' for hand and derived rows. */
  ocdCategory: string;
  source: FullCookieRow[9];
  /** The vendor catalogue's id for the vendor that claims the name, '' when none. */
  vendorId: string;
}

interface CookieIndex {
  _exact: Map<string, FullCookieRow[]>;
  /** Prefixes and `*` patterns, the most literal characters first, so the most specific entry wins. */
  _prefixes: Array<[FullCookieRow, (name: string) => boolean]>;
}

let _index: CookieIndex | undefined;

function cookieIndex(): CookieIndex {
  if (!_index) {
    const index: CookieIndex = { _exact: new Map(), _prefixes: [] };
    for (const row of FULL_COOKIE_ROWS) {
      if (row[1] == 2) {
        const pattern = wildcardRegExp(row[0]);
        index._prefixes.push([row, (name) => pattern.test(name)]);
      } else if (row[1] == 1) index._prefixes.push([row, (name) => name.startsWith(row[0])]);
      else index._exact.set(row[0], [...(index._exact.get(row[0]) || []), row]);
    }
    const literal = (row: FullCookieRow) => row[0].replace(/\*/g, '').length;
    index._prefixes.sort((a, b) => literal(b[0]) - literal(a[0]));
    _index = index;
  }
  return _index;
}

function toMatch(row: FullCookieRow, byDomain: boolean): FullCookieMatch {
  const [name, prefix, domains, provider, category, ocdCategory, description, retention, , source, vendorId] = row;
  const [platform, controller, privacyUrl] = FULL_COOKIE_PROVIDERS[provider];
  return {
    name,
    prefix: prefix == 1,
    wildcard: prefix == 2,
    category,
    provider: platform,
    controller,
    privacyUrl,
    description,
    retention,
    domains: domains ? domains.split(' ') : [],
    byDomain,
    ocdCategory,
    source,
    vendorId,
  };
}

/**
 * Classifies a cookie (or storage key) by name AND domain, against every Open Cookie Database row
 * plus consentry's additions and the vendor catalogue's names (whose category wins on any row it covers). An entry whose vendor domain covers the cookie's domain wins; failing
 * that, only entries with a distinctive name match on the name alone. Generic names (sessionid,
 * locale, token, …) therefore classify on the vendor's domain (sessionid on instagram.com is
 * advertising) and not on the site's own host (null). Exact names beat prefixes, longer prefixes
 * beat shorter ones.
 */
export function classifyCookieFull({ name, domain }: FullCookieQuery): FullCookieMatch | null {
  const index = cookieIndex();
  const host = (domain || '').trim().toLowerCase().replace(/^\./, '');
  const candidates = [...(index._exact.get(name) || []), ...index._prefixes.filter(([, matches]) => matches(name)).map(([row]) => row)];
  const onDomain = host ? candidates.find((row) => row[2]?.split(' ').some((d) => isHostWithin(host, d))) : undefined;
  const row = onDomain || candidates.find((r) => r[8] == 1);
  return row ? toMatch(row, !!onDomain) : null;
}
