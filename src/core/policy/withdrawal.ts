import type { ServiceSettings, Settings } from '../config/types';
import type { ConsentState } from './types';
import { isGranted } from './grant';

export interface Withdrawal {
  /** Categories granted before and refused now. */
  categories: string[];
  /** Services granted before and refused now (with their category, or on their own). */
  services: ServiceSettings[];
}

/** What a change of state took back, or null when it took nothing back. */
export function withdrawalBetween(before: ConsentState, after: ConsentState, settings: Settings): Withdrawal | null {
  const categories = Object.keys(before.categories).filter((id) => before.categories[id] && !after.categories[id]);
  const services = settings.services.filter((service) => {
    const need = { service: service.id, category: service.category };
    return isGranted(need, before, settings) && !isGranted(need, after, settings);
  });
  return categories.length || services.length ? { categories, services } : null;
}
