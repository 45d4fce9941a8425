import { isGranted } from '../../core/policy/grant';
import { storageNeed, type StorageArea } from '../../core/classify/storage-need';
import { patch, restoreAll, type Restore } from './patch';
import type { BlockingDeps, Uninstall, Win } from './types';

/**
 * Web storage is a "similar technology" to cookies: `localStorage`/`sessionStorage.setItem` of a key, and
 * `indexedDB.open` of a database, that a declaration or the loader's table files under a category not
 * granted are held (see ./storage-need.ts; every other name passes untouched, as the site's own data must).
 *   - setItem is patched on Storage.prototype, which serves both stores, and the write is dropped. Until the
 *     config is known a table key's write is dropped too, like a tracker request then (not replayed: vendors'
 *     libraries are themselves held until the config is known, so a granted visitor loses nothing real, and
 *     a replay would cost the loader bytes every page pays); a declared key's passes, and the sweep below
 *     removes it once the config says it was not granted.
 *   - An open is let through to the browser, but the upgrade that would create the database is aborted
 *     before the page's own handlers see it: the request's `error` event fires with an AbortError, as when
 *     an open fails, and nothing is stored. A copy left from an earlier grant is deleted first, so the open
 *     always meets an upgrade. Until the config is known a table database cannot wait (the page holds the
 *     request), so it fails too.
 *   - `localStorage.foo = …` does not call setItem and no setter can see it without a Proxy around the store
 *     itself, which pages hold directly. Such keys are swept instead: whenever the grants change (the config
 *     becoming known included) and when the page is hidden, every stored key whose category is not granted
 *     is removed.
 * The SDK's own keys (`consentry:*`) always pass.
 */
export function installStorageGuard(deps: BlockingDeps, win: Win = window): Uninstall {
  const { $state, $settings } = deps;
  const early = new Set<string>();
  const restores: Restore[] = [];

  const refused = (area: StorageArea, name: string) => {
    const settings = $settings.get();
    const need = storageNeed(area, name, settings);
    return !!need && !isGranted(need, $state.get(), settings);
  };

  patch(restores, win.Storage.prototype, 'setItem', ({ value: setItem }) => ({
    value(this: Storage, key: string) {
      // Reading `sessionStorage` throws only where storage is disabled, and then no store could be `this`.
      if (!refused(this == win.sessionStorage ? 'session' : 'local', String(key))) return setItem.apply(this, arguments);
    },
  }));

  // Absent where IndexedDB is (some privacy modes, old WebViews): only the web storage part is installed.
  patch(restores, win.IDBFactory?.prototype, 'open', ({ value: open }) => ({
    value(this: IDBFactory, name: string) {
      if (!$settings.get()) early.add(String(name));
      if (!refused('indexeddb', String(name))) return open.apply(this, arguments);
      this.deleteDatabase(name);
      const request: IDBOpenDBRequest = open.apply(this, arguments);
      request.addEventListener('upgradeneeded', (event) => {
        event.stopImmediatePropagation();
        request.transaction!.abort();
      });
      return request;
    },
  }));

  const sweep = () => {
    if (!$settings.get()) return;
    for (const area of ['local', 'session'] as const) {
      try {
        const store = win[`${area}Storage`];
        for (const key of Object.keys(store)) if (refused(area, key)) store.removeItem(key);
      } catch {
        // Storage disabled: nothing stored to remove.
      }
    }
    // Databases the page opened before the config was known, while a declared name meant nothing yet. The
    // deletion waits behind the open, and for the page to let go of the database (on `versionchange`, or
    // when it leaves).
    for (const name of early) if (refused('indexeddb', name)) win.indexedDB.deleteDatabase(name);
  };
  win.addEventListener('pagehide', sweep);
  restores.push($state.listen(sweep), () => win.removeEventListener('pagehide', sweep));
  return restoreAll(restores);
}
