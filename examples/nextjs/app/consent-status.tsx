'use client';

import { useConsentState } from './use-consent-state';

const label = (granted: boolean | undefined) => (granted ? 'granted' : 'not granted');

export function ConsentStatus() {
  const categories = useConsentState()?.categories;
  return (
    <ul id="consent-status">
      <li>Analytics: {label(categories?.analytics)}</li>
      <li>Advertising: {label(categories?.advertising)}</li>
    </ul>
  );
}
