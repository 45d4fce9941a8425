import { useEffect, useState } from 'preact/hooks';
import type { Consent } from '../../core/policy/api';
import type { ConsentState } from '../../core/policy/types';

/**
 * Preact hook: the visitor's consent state, re-rendering on every change.
 * `const { categories } = useConsent(consent); if (categories.analytics) …`
 */
export function useConsent(consent: Consent): ConsentState {
  const [state, setState] = useState(consent.get());
  useEffect(() => consent.$state.subscribe(setState), [consent]);
  return state;
}
