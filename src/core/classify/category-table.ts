import type { TrackerCategory } from './host-category';
import { wildcardRegExp } from './wildcard';

/** A loader table parsed: exact entries in a map, `*` patterns in a list (few, so a scan is cheap). */
export interface CategoryTable {
  _exact: Map<string, TrackerCategory>;
  _patterns: Array<[RegExp, TrackerCategory]>;
}

/** Turns a loader table's two space-separated strings into one lookup table. */
export function categoryTable(analytics: string, advertising: string): CategoryTable {
  const table: CategoryTable = { _exact: new Map(), _patterns: [] };
  const add = (entries: string, category: TrackerCategory) => {
    for (const entry of entries.split(' ')) {
      if (!entry) continue;
      if (entry.indexOf('*') < 0) table._exact.set(entry, category);
      else table._patterns.push([wildcardRegExp(entry), category]);
    }
  };
  add(analytics, 'analytics');
  add(advertising, 'advertising');
  return table;
}

/** Category of `value` in `table`: an exact entry first, then the first pattern that matches, or null. */
export function lookUp(table: CategoryTable, value: string): TrackerCategory | null {
  const exact = table._exact.get(value);
  if (exact) return exact;
  for (const [pattern, category] of table._patterns) if (pattern.test(value)) return category;
  return null;
}
