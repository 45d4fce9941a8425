import type { Regime, Settings } from '../config/types';

/**
 * The regime for a region code: a rule naming the exact subdivision ("US-CA") beats one naming the
 * country ("US"); an unknown region gets the configured default (opt-in unless the owner says otherwise).
 */
export function regimeFor(regions: Settings['regions'], region: string | null): Regime {
  if (region) {
    const country = region.split('-')[0];
    let countryRegime: Regime | undefined;
    for (const rule of regions.rules) {
      if (rule.regions.includes(region)) return rule.regime;
      if (!countryRegime && rule.regions.includes(country)) countryRegime = rule.regime;
    }
    if (countryRegime) return countryRegime;
  }
  return regions.default;
}
