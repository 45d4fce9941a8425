import { categoryTable, lookUp, type CategoryTable } from './category-table';
import type { TrackerCategory } from './host-category';
import { ADVERTISING_COOKIES, ANALYTICS_COOKIES } from './tables/loader-cookies';

// Parsed on first use.
let _cookies: CategoryTable | undefined;

/**
 * Category of a well-known tracker cookie name (`_ga`, `_fbp`, `Hm_lvt_<id>`, `ph_<key>_posthog`, …)
 * from the loader-tier table, or null. Names are case-sensitive, as cookie names are; `*` in a table
 * entry matches any run of characters, anywhere in the name.
 * The table holds only names no site would use for its own cookies, so a name alone decides.
 */
export function knownCookieCategory(name: string): TrackerCategory | null {
  return lookUp((_cookies ||= categoryTable(ANALYTICS_COOKIES, ADVERTISING_COOKIES)), name);
}
