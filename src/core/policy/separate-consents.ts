import type { SeparateConsentSettings, Settings } from '../config/types';

/**
 * The separate consents the law asks of a visitor from `region`: those whose `regions` name the region,
 * its country, or ("default") an unknown region. Elsewhere a separate consent is neither shown nor needed,
 * so an EU or US visitor is not asked what only Chinese law requires.
 */
export function consentsAsked(settings: Settings, region: string | null): SeparateConsentSettings[] {
  const country = region?.split('-')[0];
  return (settings.separateConsents || []).filter(({ regions }) =>
    region ? regions.includes(region) || regions.includes(country!) : regions.includes('default'),
  );
}
