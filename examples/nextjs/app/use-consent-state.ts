import { subscribe, type ConsentState } from 'consentry';
import { useCallback, useSyncExternalStore } from 'react';
import { useConsentInstance } from './consent-provider';

const noop = () => {};

/** The visitor's consent state, re-rendering on every decision; null on the server and until consent exists. */
export function useConsentState(): ConsentState | null {
  const consent = useConsentInstance();
  const onStoreChange = useCallback((notify: () => void) => (consent ? subscribe(consent, notify) : noop), [consent]);
  return useSyncExternalStore(
    onStoreChange,
    () => consent?.get() ?? null,
    // The server renders the state of a visitor who has not chosen yet.
    () => null,
  );
}
