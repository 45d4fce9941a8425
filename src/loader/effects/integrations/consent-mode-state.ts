import type { Settings } from '../../../core/config/types';

export type ConsentModeValue = 'granted' | 'denied';

/** Google Consent Mode v2 type → the consentry category that grants it. */
export type ConsentModeMapping = { [consentType: string]: string };

/** The seven Consent Mode v2 types with the category each follows by default. */
const DEFAULT_MAPPING: ConsentModeMapping = {
  ad_storage: 'advertising',
  ad_user_data: 'advertising',
  ad_personalization: 'advertising',
  analytics_storage: 'analytics',
  // Remembering choices such as language is exempt from consent (WP29 opinion 04/2012, "UI customisation"),
  // so without a `preferences` category it is granted like any essential storage.
  functionality_storage: 'preferences',
  // Recommendations are not exempt: with no category covering them they stay denied.
  personalization_storage: 'preferences',
  security_storage: 'essential',
};

export const CONSENT_TYPES = Object.keys(DEFAULT_MAPPING);

/** The default mapping adjusted to the site's categories, then the owner's overrides. */
export function consentModeMapping(settings: Settings): ConsentModeMapping {
  const hasPreferences = settings.categories.some((category) => category.id === 'preferences');
  return {
    ...DEFAULT_MAPPING,
    ...(hasPreferences ? {} : { functionality_storage: 'essential' }),
    ...settings.integrations.googleConsentMode?.mapping,
  };
}

/** What Google should know for these grants. A type mapped to a category that does not exist is denied. */
export function consentModeState(
  categories: { [category: string]: boolean },
  mapping: ConsentModeMapping,
): { [consentType: string]: ConsentModeValue } {
  const state: { [consentType: string]: ConsentModeValue } = {};
  for (const type of CONSENT_TYPES) state[type] = categories[mapping[type]] ? 'granted' : 'denied';
  return state;
}

export type ConsentDefaultCommand = { [key: string]: string | string[] | number };

/**
 * The `gtag('consent', 'default', …)` payloads, region-scoped ones first, the region-less one last.
 * Without consent only essential-mapped types are granted. Google applies, per type, the most specific
 * matching region (subdivision "US-CA" over country "US" over no region), whatever the order.
 * The config validator admits only the seven types with 'granted' | 'denied' in a region default.
 */
export function consentModeDefaults(settings: Settings, mapping: ConsentModeMapping): ConsentDefaultCommand[] {
  const { regionDefaults = [], waitForUpdate = 500 } = settings.integrations.googleConsentMode || {};
  return [
    ...regionDefaults.map(({ regions, ...values }) => ({ ...values, region: regions, wait_for_update: waitForUpdate })),
    { ...consentModeState({ essential: true }, mapping), wait_for_update: waitForUpdate },
  ];
}
