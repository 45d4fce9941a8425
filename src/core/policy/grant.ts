import type { Settings } from '../config/types';
import { grantOf } from './grant-of';
import type { ConsentState } from './types';
import type { Need } from '../classify/need';

/** The category a need belongs to: its own, else its service's in the config. */
export function categoryOf(need: Need, settings: Settings | null): string | undefined {
  return need.category || settings?.services.find((service) => service.id === need.service)?.category;
}

/**
 * A service's own choice wins when the visitor made one; otherwise its category decides.
 * `essential` is always granted; an unknown category never is, and neither is a service the config does
 * not declare (docs/markup.md): a misspelled `data-service` keeps its tag held whatever its category.
 */
export function isGranted(need: Need, state: ConsentState, settings: Settings | null): boolean {
  const { service } = need;
  const own = grantOf(state.services, service);
  if (own != null) return own;
  // Declared services have a category: without one, the service is unknown (or the config not known yet).
  if (service && !categoryOf({ service }, settings)) return false;
  const category = categoryOf(need, settings);
  return category == 'essential' || !!grantOf(state.categories, category);
}
