import { ADVERTISING_COOKIES, ANALYTICS_COOKIES } from './tables/loader-cookies';
import type { TrackerCategory } from './host-category';

interface CookieTable {
  _exact: Map<string, TrackerCategory>;
  _prefixes: Array<[prefix: string, category: TrackerCategory]>;
}

let _table: CookieTable | undefined;

function cookieTable(): CookieTable {
  if (!_table) {
    const table: CookieTable = { _exact: new Map(), _prefixes: [] };
    const add = (names: string, category: TrackerCategory) => {
      for (const name of names.split(' ')) {
        if (name.endsWith('*')) table._prefixes.push([name.slice(0, -1), category]);
        else table._exact.set(name, category);
      }
    };
    add(ANALYTICS_COOKIES, 'analytics');
    add(ADVERTISING_COOKIES, 'advertising');
    _table = table;
  }
  return _table;
}

/**
 * Category of a well-known tracker cookie name (`_ga`, `_fbp`, `Hm_lvt_<id>`, `CNZZDATA<id>`, …)
 * from the loader-tier table, or null. Names are case-sensitive, as cookie names are.
 * The table holds only names no site would use for its own cookies, so a name alone decides.
 */
export function knownCookieCategory(name: string): TrackerCategory | null {
  const table = cookieTable();
  const exact = table._exact.get(name);
  if (exact) return exact;
  for (const [prefix, category] of table._prefixes) if (name.startsWith(prefix)) return category;
  return null;
}
