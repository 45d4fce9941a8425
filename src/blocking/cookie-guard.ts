import { cookieCategory } from './cookie-category';
import { parseCookieWrite } from './cookie-write';
import { isGranted } from './grant';
import type { BlockingHost, Uninstall } from './types';

type CookieStoreSet = (nameOrOptions: string | { name: string; expires?: number | null }, value?: string) => Promise<void>;

/**
 * Cookie writes through `document.cookie` and `cookieStore.set` are dropped when the cookie's category is
 * not granted. Deletions and the consent cookie always pass. Unknown names follow
 * `blocking.unknownCookies` ("block" = until any non-essential consent), each reported once; until the
 * config is known they wait and are replayed once it is.
 */
export function installCookieGuard(host: BlockingHost): Uninstall {
  const { $state, $settings, emit } = host;
  const reported = new Set<string>();
  let waiting: Array<() => void> | null = [];

  const allowed = (name: string, deletion: boolean, replay: () => void): boolean => {
    const settings = $settings.get();
    const state = $state.get();
    if (deletion || name == (settings?.cookie.name || 'consentry')) return true;
    const category = cookieCategory(name, settings);
    if (category) return isGranted({ category }, state, settings);
    if (!settings) {
      waiting?.push(replay);
      return false;
    }
    const allow =
      settings.blocking.unknownCookies == 'allow' || Object.keys(state.categories).some((id) => id != 'essential' && state.categories[id]);
    if (!reported.has(name)) {
      reported.add(name);
      emit('unclassified-cookie', { name, action: allow ? 'allowed' : 'blocked' });
    }
    return allow;
  };

  const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  // On the instance, so the prototype stays intact for other documents (iframes share nothing with it).
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => descriptor.get!.call(document),
    set(text: string) {
      const write = () => descriptor.set!.call(document, text);
      const { name, deletion } = parseCookieWrite(String(text));
      if (allowed(name, deletion, () => (document.cookie = text))) write();
    },
  });

  const store = (window as { cookieStore?: { set: CookieStoreSet } }).cookieStore;
  const storeSet = store?.set;
  if (store && storeSet) {
    store.set = function (this: unknown, nameOrOptions, value) {
      const options = typeof nameOrOptions == 'string' ? { name: nameOrOptions } : nameOrOptions;
      const expires = (options as { expires?: number | null }).expires;
      return allowed(options.name, expires != null && expires < Date.now(), () => store.set(nameOrOptions, value))
        ? storeSet.apply(this, arguments as unknown as Parameters<CookieStoreSet>)
        : Promise.resolve();
    };
  }

  const unlisten = $settings.listen((settings) => {
    if (settings && waiting) {
      const replays = waiting;
      waiting = null;
      // After the loader has decided from the new config (it sets the state right after the settings).
      queueMicrotask(() => replays.forEach((replay) => replay()));
    }
  });

  return () => {
    unlisten();
    delete (document as { cookie?: string }).cookie;
    if (store && storeSet) delete (store as { set?: unknown }).set;
  };
}
