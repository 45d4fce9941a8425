import { subscribe, type Consent, type ConsentState } from 'consentry';
import { useCallback, useSyncExternalStore } from 'react';

/** The visitor's consent state; the component re-renders on every decision. */
export function useConsentState(consent: Consent): ConsentState {
  const onStoreChange = useCallback((notify: () => void) => subscribe(consent, notify), [consent]);
  // get() returns the same object until the state changes, as useSyncExternalStore requires.
  const snapshot = () => consent.get();
  return useSyncExternalStore(onStoreChange, snapshot, snapshot);
}
