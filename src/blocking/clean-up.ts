import type { Settings } from '../config/types';
import { cookieCategory } from './cookie-category';
import { cookieDomainVariants, cookiePathVariants } from './cookie-variants';
import type { Withdrawal } from './withdrawal';

const declares = (name: string, key: string, prefix?: boolean) => (prefix ? key.startsWith(name) : key == name);

/**
 * Delete what a withdrawal took back: every cookie in the jar of a withdrawn category (built-in table or
 * declaration) or declared by a withdrawn service, on every domain and path it may sit on, and the
 * withdrawn services' declared localStorage/sessionStorage keys.
 */
export function cleanUp({ categories, services }: Withdrawal, settings: Settings): void {
  const declared = services.flatMap((service) => service.cookies);
  const secure = location.protocol == 'https:' ? '; secure' : '';
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0].trim();
    if (name && (categories.includes(cookieCategory(name, settings)!) || declared.some((c) => declares(c.name, name, c.prefix)))) {
      for (const domain of cookieDomainVariants(location.hostname)) {
        for (const path of cookiePathVariants(location.pathname)) {
          document.cookie = `${name}=; max-age=0; path=${path}${domain && '; domain=' + domain}${secure}`;
        }
      }
    }
  }
  const storage = services.flatMap((service) => service.storage);
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
}
