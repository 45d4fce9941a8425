import type { Consent, Unsubscribe } from '../../core/policy/api';
import type { ConsentState } from '../../core/policy/types';

/**
 * Framework-neutral subscription for React, Vue, Svelte and plain code: called at once with the current
 * state, then on every change. Svelte stores accept it directly: `readable(consent.get(), (set) => subscribe(consent, set))`.
 */
export function subscribe(consent: Consent, listener: (state: ConsentState) => void): Unsubscribe {
  return consent.$state.subscribe(listener);
}
