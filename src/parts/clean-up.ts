import type { ServiceSettings, Settings } from '../core/config/types';
import { cookieCategory } from '../core/classify/cookie-category';
import { cookieDomainVariants, cookiePathVariants } from '../core/cookies/cookie-variants';
import { matchesDeclared } from '../core/classify/name-pattern';
import { cookiePairs } from '../core/cookies/cookies';
import { storageNeed } from '../core/classify/storage-need';
import type { Need } from '../loader/effects/types';
import type { Withdrawal } from '../core/policy/withdrawal';

/**
 * Delete what a withdrawal took back: every cookie in the jar of a withdrawn category (built-in table or
 * declaration) or declared by a withdrawn service, on every domain and path it may sit on; every
 * localStorage/sessionStorage key and IndexedDB database a withdrawn service declares or the loader's
 * table files under a withdrawn category (see ./storage-need.ts).
 */
export function cleanUp({ categories, services }: Withdrawal, settings: Settings): Promise<void> {
  const declared = services.flatMap((service) => service.cookies);
  const secure = location.protocol == 'https:' ? '; secure' : '';
  for (const [name] of cookiePairs(document.cookie)) {
    if (name && (categories.includes(cookieCategory(name, settings)!) || declared.some((c) => matchesDeclared(c.name, c.prefix, name)))) {
      for (const domain of cookieDomainVariants(location.hostname)) {
        for (const path of cookiePathVariants(location.pathname)) {
          document.cookie = `${name}=; max-age=0; path=${path}${domain && '; domain=' + domain}${secure}`;
        }
      }
    }
  }
  const withdrawn = (need: Need | null) =>
    !!need && (need.service ? services.some((service) => service.id == need.service) : categories.includes(need.category!));
  for (const type of ['local', 'session'] as const) {
    try {
      const store = window[`${type}Storage`];
      for (const key of Object.keys(store)) if (withdrawn(storageNeed(type, key, settings))) store.removeItem(key);
    } catch {
      // Storage disabled: nothing stored to remove.
    }
  }
  return deleteDatabases(settings, services, withdrawn);
}

/**
 * IndexedDB databases of what was withdrawn: those the browser lists (`indexedDB.databases()`) that a
 * declaration or the loader table files under it, and every exact name a withdrawn service declares (for
 * browsers that cannot list). Settles once each deletion succeeded, failed or is blocked: a database the
 * page still holds open is deleted when the page lets go of it (at the latest on the reload that
 * `reloadOnWithdraw` makes), and the storage guard refuses to open it meanwhile.
 */
async function deleteDatabases(settings: Settings, services: ServiceSettings[], withdrawn: (need: Need | null) => boolean): Promise<void> {
  try {
    const names = new Set(
      services.flatMap((service) =>
        service.storage.filter((d) => d.type == 'indexeddb' && !d.prefix && !d.key.includes('*')).map((d) => d.key),
      ),
    );
    for (const { name } of (await indexedDB.databases?.()) || [])
      if (name && withdrawn(storageNeed('indexeddb', name, settings))) names.add(name);
    await Promise.all(
      [...names].map(
        (name) =>
          new Promise((settle) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = request.onerror = request.onblocked = settle;
          }),
      ),
    );
  } catch {
    // No IndexedDB here (some privacy modes): nothing stored to delete.
  }
}
