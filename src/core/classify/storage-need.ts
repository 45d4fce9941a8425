import type { Settings } from '../config/types';
import { matchesDeclared, matchesName } from './name-pattern';
import { DATABASES, STORAGE_KEYS } from './tables/loader-storage';
import type { Need } from './need';
import { OWN_KEY_PREFIX } from '../storage-keys';

/** Where a name is stored: localStorage, sessionStorage, or the name of an IndexedDB database. */
export type StorageArea = 'local' | 'session' | 'indexeddb';

/**
 * What storing under `name` in `area` needs, or null when nothing is known of the name (it passes: the
 * guard holds only what a declaration or the table names, never the site's own data). In order:
 *   1. the SDK's own keys (`consentry:*`) are essential: the consent record's helpers live there;
 *   2. the config's declarations (`services[].storage`: exact key, `*` patterns, or a prefix; no `type` means
 *      both localStorage and sessionStorage, IndexedDB databases are declared with `type: "indexeddb"`),
 *      so a site owner can reclassify anything in the table;
 *   3. the loader's table of well-known vendors' keys and databases.
 */
export function storageNeed(area: StorageArea, name: string, settings: Settings | null): Need | null {
  if (name.startsWith(OWN_KEY_PREFIX)) return { category: 'essential' };
  for (const service of settings?.services || []) {
    for (const declared of service.storage) {
      if ((declared.type ? declared.type == area : area != 'indexeddb') && matchesDeclared(declared.key, declared.prefix, name))
        return { service: service.id, category: service.category };
    }
  }
  const known = (area == 'indexeddb' ? DATABASES : STORAGE_KEYS).find(([pattern]) => matchesName(pattern, name));
  return known ? { category: known[1] } : null;
}
