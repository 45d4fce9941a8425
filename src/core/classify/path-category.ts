import { categoryTable, lookUp, type CategoryTable } from './category-table';
import type { TrackerCategory } from './host-category';
import { ADVERTISING_PATHS, ANALYTICS_PATHS } from './tables/loader-paths';

// Parsed on first use.
let _paths: CategoryTable | undefined;

/**
 * Category of a tracker URL on a host shared with other services (`https://www.facebook.com/tr?id=…`,
 * `https://www.google.com/pagead/…`) from the loader-tier path table, or null. The host alone cannot
 * say: www.facebook.com is also the page a "Like" link opens. Patterns read host and path; only a
 * pattern with `?` reads the query too.
 */
export function pathCategory(url: URL): TrackerCategory | null {
  const paths = (_paths ||= categoryTable(ANALYTICS_PATHS, ADVERTISING_PATHS));
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const found = lookUp(paths, host + url.pathname);
  if (found || !url.search) return found;
  // Only a pattern that has a "?" reads the query: "*/prebid*.js" must not match "/page?next=/prebid.js".
  const withQuery = host + url.pathname + url.search;
  for (const [pattern, category] of paths._patterns) if (pattern.source.indexOf('\\?') >= 0 && pattern.test(withQuery)) return category;
  return null;
}
