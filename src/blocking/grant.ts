import type { Settings } from '../config/types';
import type { ConsentState } from '../consent/types';
import type { Need } from './types';

/** The category a need belongs to: its own, else its service's in the config. */
export function categoryOf(need: Need, settings: Settings | null): string | undefined {
  return need.category || settings?.services.find((service) => service.id === need.service)?.category;
}

/**
 * A service's own choice wins when the visitor made one; otherwise its category decides.
 * `essential` is always granted; an unknown category never is.
 */
export function isGranted(need: Need, state: ConsentState, settings: Settings | null): boolean {
  const own = need.service ? state.services[need.service] : undefined;
  if (own != null) return own;
  const category = categoryOf(need, settings);
  return category == 'essential' || !!(category && state.categories[category]);
}
