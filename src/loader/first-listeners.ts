import type { ReadableAtom } from 'nanostores';

/** Adds a listener that runs before every listener added after `firstListeners` was called; returns its removal. */
export type AddFirstListener<T> = (listener: (value: T) => void) => () => void;

/**
 * nanostores calls a store's listeners in the order they were added. This adds one listener now that stands
 * for every listener given to the returned `add` later, so those run first however late they come. The
 * runtime calls it before installing any effect: Consent Mode, installed only once the config is known,
 * then tells Google of a grant before the gate releases a held `gtag('config')` that sends at once.
 * (nanostores' `onNotify` would do the same, but its lifecycle code costs the loader 130 B gzip.)
 */
export function firstListeners<T>($store: ReadableAtom<T>): AddFirstListener<T> {
  const listeners = new Set<(value: T) => void>();
  // Never removed: it outlives only the listeners it holds, and each of those is removed by its own effect.
  $store.listen((value) => listeners.forEach((listener) => listener(value)));
  return (listener) => {
    // As with nanostores' own listeners, a change made before `add` is not announced to it, even when a batch
    // announces it later (the runtime installs the integrations in the batch that applies the config).
    let before: T | undefined = $store.get();
    const call = (value: T) => {
      if (value !== before) listener(value);
      before = undefined;
    };
    listeners.add(call);
    return () => void listeners.delete(call);
  };
}
