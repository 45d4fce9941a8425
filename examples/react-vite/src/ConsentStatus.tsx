import type { Consent } from 'consentry';
import { useConsentState } from './use-consent-state';

const label = (granted: boolean) => (granted ? 'granted' : 'not granted');

export function ConsentStatus({ consent }: { consent: Consent }) {
  const { categories } = useConsentState(consent);
  return (
    <ul id="consent-status">
      <li>Analytics: {label(categories.analytics)}</li>
      <li>Advertising: {label(categories.advertising)}</li>
    </ul>
  );
}
