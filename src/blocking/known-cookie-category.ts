import { categoryTable } from './category-table';
import type { TrackerCategory } from './host-category';
import { ADVERTISING_COOKIES, ANALYTICS_COOKIES } from './tables/loader-cookies';

// Parsed on first use. Entries ending in '*' are prefixes; there are few, so a scan is cheap.
let _cookies: Map<string, TrackerCategory> | undefined;

/**
 * Category of a well-known tracker cookie name (`_ga`, `_fbp`, `Hm_lvt_<id>`, `CNZZDATA<id>`, …)
 * from the loader-tier table, or null. Names are case-sensitive, as cookie names are.
 * The table holds only names no site would use for its own cookies, so a name alone decides.
 */
export function knownCookieCategory(name: string): TrackerCategory | null {
  const cookies = (_cookies ||= categoryTable(ANALYTICS_COOKIES, ADVERTISING_COOKIES));
  const exact = cookies.get(name);
  if (exact) return exact;
  for (const [entry, category] of cookies) {
    if (entry.endsWith('*') && name.startsWith(entry.slice(0, -1))) return category;
  }
  return null;
}
