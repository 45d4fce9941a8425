import type { BuiltInCategory } from '../../core/config/types';
import { FULL_PATH_ROWS } from '../tables/full-paths';
import { wildcardRegExp } from '../../core/classify/wildcard';

// Node side only (scanner, HTML rewriter): every URL pattern of the vendor catalogue; loader code uses pathCategory.

export interface FullPathMatch {
  pattern: string;
  category: BuiltInCategory;
  /** Vendor name and catalogue id. */
  vendor: string;
  vendorId: string;
}

let _rows: Array<[RegExp, boolean, (typeof FULL_PATH_ROWS)[number]]> | undefined;

/**
 * The catalogue vendor whose URL pattern covers `url` (`www.facebook.com/tr?id=…` is Meta Pixel), or null.
 * Patterns read host and path; only one with `?` reads the query. Essential ones (CAPTCHAs) are returned
 * too, so a caller can let them through rather than fall back to a host table.
 */
export function classifyPathFull(url: URL): FullPathMatch | null {
  const rows = (_rows ||= FULL_PATH_ROWS.map((row) => [wildcardRegExp(row[0]), row[0].includes('?'), row]));
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const path = host + url.pathname;
  const withQuery = path + url.search;
  for (const [pattern, readsQuery, [text, category, vendor, vendorId]] of rows) {
    if (pattern.test(readsQuery ? withQuery : path)) return { pattern: text, category, vendor, vendorId };
  }
  return null;
}
