import type { CookieDeclaration, StorageDeclaration } from '../config/types';
import type { ConsentState } from '../consent/types';
import { cookieCategory } from './cookie-category';
import { cookieDomainVariants, cookiePathVariants } from './cookie-variants';
import { isGranted } from './grant';
import type { BlockingHost, Uninstall } from './types';

export interface WithdrawalCleanupOptions {
  /** Called after a withdrawal when `blocking.reloadOnWithdraw` is on. Default: `location.reload()`. */
  reload?: () => void;
}

const declares = (name: string, key: string, prefix?: boolean) => (prefix ? key.startsWith(name) : key == name);

/**
 * When a category (or a service) goes from granted to refused: delete its cookies on every domain and path
 * they may sit on, remove its declared storage keys, emit "withdraw" and, with `reloadOnWithdraw`, reload
 * (after the other subscribers ran), since scripts already running cannot be un-run.
 */
export function installWithdrawalCleanup(host: BlockingHost, options: WithdrawalCleanupOptions = {}): Uninstall {
  const { $state, $settings, emit } = host;
  return $state.listen((state: ConsentState, before?: ConsentState) => {
    const settings = $settings.get();
    if (!settings || !before) return;
    const categories = Object.keys(before.categories).filter((id) => before.categories[id] && !state.categories[id]);
    const services = settings.services.filter((service) => {
      const need = { service: service.id, category: service.category };
      return isGranted(need, before, settings) && !isGranted(need, state, settings);
    });
    if (!categories.length && !services.length) return;

    const cookies: CookieDeclaration[] = services.flatMap((service) => service.cookies);
    const secure = location.protocol == 'https:' ? '; secure' : '';
    for (const pair of document.cookie.split(';')) {
      const name = pair.split('=')[0].trim();
      if (!name || !(categories.includes(cookieCategory(name, settings)!) || cookies.some((c) => declares(c.name, name, c.prefix)))) continue;
      for (const domain of cookieDomainVariants(location.hostname)) {
        for (const path of cookiePathVariants(location.pathname)) {
          document.cookie = `${name}=; max-age=0; path=${path}${domain && '; domain=' + domain}${secure}`;
        }
      }
    }

    const storage: StorageDeclaration[] = services.flatMap((service) => service.storage);
    for (const type of ['local', 'session'] as const) {
      try {
        const store = window[`${type}Storage`];
        for (const key of Object.keys(store)) {
          if (storage.some((d) => (d.type || type) == type && declares(d.key, key, d.prefix))) store.removeItem(key);
        }
      } catch {
        // Storage disabled: nothing stored to remove.
      }
    }

    emit('withdraw', { categories });
    if (settings.blocking.reloadOnWithdraw) queueMicrotask(options.reload || (() => location.reload()));
  });
}
