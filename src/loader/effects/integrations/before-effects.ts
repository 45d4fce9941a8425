import type { ReadableAtom } from 'nanostores';

/**
 * Run `hook` on every change of the store *before* any of its listeners. Consent Mode needs this: when the
 * gate releases a held inline `gtag('config')` it runs synchronously, so an `update` sent from an ordinary
 * listener registered after the gate's would arrive too late. Works by wrapping the store's public `notify`.
 * Hooks installed later run earlier, so only one integration (Consent Mode) should use it.
 * nanostores' own `onNotify` does the same, but its lifecycle machinery costs the loader 130 B gzip (measured
 * with `npm run build`, issue 22), on every page view, for this one hook.
 */
export function beforeEffects<T>($store: ReadableAtom<T>, hook: (value: T) => void): () => void {
  const notify = $store.notify;
  let active = true;
  $store.notify = (...args) => {
    if (active) hook($store.get());
    notify.apply($store, args);
  };
  // Unwrapping could drop a wrapper installed after ours, so uninstall only switches the hook off.
  return () => {
    active = false;
  };
}
