import { cookieCategory } from '../../core/classify/cookie-category';
import { parseCookieWrite } from '../../core/cookies/cookie-write';
import { isGranted } from '../../core/policy/grant';
import { patch, restoreAll, type Restore } from './patch';
import type { BlockingDeps, Uninstall, Win } from './types';

type CookieStoreSet = (nameOrOptions: string | { name: string; expires?: number | null }, value?: string) => Promise<void>;

/**
 * Cookie writes through `document.cookie` and `cookieStore.set` are dropped when the cookie's category is
 * not granted. Deletions and the consent cookie always pass. Unknown names follow
 * `blocking.unknownCookies` ("block" = until any non-essential consent), each reported once; until the
 * config is known they wait and are replayed once it is.
 */
export function installCookieGuard(deps: BlockingDeps, win: Win = window): Uninstall {
  const { $state, $settings, emit } = deps;
  const reported = new Set<string>();
  let waiting: Array<() => void> | null = [];

  const allowed = (name: string, deletion: boolean, replay: () => void): boolean => {
    const settings = $settings.get();
    const state = $state.get();
    if (deletion) return true;
    // The consent cookie is essential (./cookie-category), so it always passes.
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

  // At the prototypes, not on `document` or `cookieStore`: a setter taken from Document.prototype, or
  // `delete document.cookie` uncovering it, would otherwise write past the guard.
  const restores: Restore[] = [];
  patch(restores, win.Document.prototype, 'cookie', ({ set }) => ({
    set(this: Document, raw: unknown) {
      // Read once: the text decided on is the text written.
      const text = String(raw);
      const { name, deletion } = parseCookieWrite(text);
      // A write waiting for the config is replayed through this guard, to be decided then.
      if (allowed(name, deletion, () => (this.cookie = text))) set!.call(this, text);
    },
  }));

  patch(restores, (win as { CookieStore?: { prototype: object } }).CookieStore?.prototype, 'set', ({ value: storeSet }) => ({
    value(this: { set: CookieStoreSet }, nameOrOptions: Parameters<CookieStoreSet>[0], value?: string) {
      // Options are read once, into a copy that is what the native call gets.
      const options = typeof nameOrOptions == 'object' ? { ...nameOrOptions, name: String(nameOrOptions?.name) } : null;
      const args = (options ? [options] : [String(nameOrOptions), value]) as Parameters<CookieStoreSet>;
      const expires = options?.expires;
      return allowed(options?.name ?? (args[0] as string), expires != null && expires < Date.now(), () => this.set(...args))
        ? storeSet.apply(this, args)
        : Promise.resolve();
    },
  }));

  restores.push(
    $settings.listen((settings) => {
      if (settings && waiting) {
        const replays = waiting;
        waiting = null;
        // After the loader has decided from the new config (it sets the state right after the settings).
        queueMicrotask(() => replays.forEach((replay) => replay()));
      }
    }),
  );
  return restoreAll(restores);
}
