import { subscribe, type Consent, type ConsentState } from 'consentry';
import { readable, type Readable } from 'svelte/store';

/** A Svelte store of the visitor's consent state: `$state.categories.analytics` in a component. */
export function consentStore(consent: Consent): Readable<ConsentState> {
  // Subscribed while some component reads the store; subscribe's return value unsubscribes.
  return readable(consent.get(), (set) => subscribe(consent, set));
}
