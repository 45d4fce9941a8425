import { subscribe, type Consent, type ConsentState } from 'consentry';
import { onScopeDispose, shallowRef, type ShallowRef } from 'vue';

/** The visitor's consent state as a ref, updated on every decision; unsubscribes when the component unmounts. */
export function useConsent(consent: Consent): Readonly<ShallowRef<ConsentState>> {
  const state = shallowRef(consent.get());
  const unsubscribe = subscribe(consent, (next) => {
    state.value = next;
  });
  onScopeDispose(unsubscribe);
  return state;
}
