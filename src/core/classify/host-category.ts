import type { BuiltInCategory } from '../config/types';
import { categoryTable, type CategoryTable } from './category-table';
import { ADVERTISING_HOSTS, ANALYTICS_HOSTS } from './tables/loader-hosts';

/** The categories the built-in tables assign: a tracker is never "essential". */
export type TrackerCategory = Exclude<BuiltInCategory, 'essential'>;

// Parsed on first use: most page views never ask, and the strings gzip far better than a Map literal.
let _hosts: CategoryTable | undefined;

/**
 * Category of a well-known tracker host from the loader-tier table, or null.
 * A table entry matches itself and its subdomains on label boundaries (`hm.baidu.com` matches
 * `x.hm.baidu.com`, `google-analytics.com` does not match `notgoogle-analytics.com`).
 * Case-insensitive; a port and a trailing dot are ignored.
 */
export function hostCategory(host: string): TrackerCategory | null {
  const hosts = (_hosts ||= categoryTable(ANALYTICS_HOSTS, ADVERTISING_HOSTS));
  let candidate = host.toLowerCase().replace(/:\d*$/, '').replace(/\.$/, '');
  for (;;) {
    const category = hosts._exact.get(candidate);
    if (category) return category;
    const dot = candidate.indexOf('.');
    if (dot < 0) return null;
    candidate = candidate.slice(dot + 1);
  }
}
