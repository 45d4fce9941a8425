import type { Settings } from '../core/config/types';

/** The age below which a visitor counts as a minor: the most specific of region ("US-CA"), country, default. */
export function ageThreshold(thresholds: Settings['minors']['thresholds'], region: string | null): number {
  const country = region ? region.split('-')[0] : '';
  return (region && thresholds[region]) || (country && thresholds[country]) || thresholds.default || 16;
}
