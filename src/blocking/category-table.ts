import type { TrackerCategory } from './host-category';

/** Turns a loader table's two space-separated strings into one lookup map. */
export function categoryTable(analytics: string, advertising: string): Map<string, TrackerCategory> {
  const table = new Map<string, TrackerCategory>();
  for (const entry of analytics.split(' ')) table.set(entry, 'analytics');
  for (const entry of advertising.split(' ')) table.set(entry, 'advertising');
  return table;
}
