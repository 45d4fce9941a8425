'use client';

import { useEffect } from 'react';
import { useConsentState } from './use-consent-state';

/** Imports the analytics module once analytics is granted: before that its code is not even downloaded. */
export function AnalyticsLoader() {
  const analytics = useConsentState()?.categories.analytics ?? false;
  useEffect(() => {
    if (analytics) void import('./analytics');
  }, [analytics]);
  return null;
}
