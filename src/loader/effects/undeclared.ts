import type { Settings } from '../../core/config/types';
import { PENDING } from './kinds';
import type { Need } from './types';

/**
 * Markup naming a category or service the config does not declare stays held for good (docs/markup.md): safe,
 * but a typo must not fail silently. Says which name, and what the config declares instead.
 */
export function warnUndeclared(need: Need, settings: Settings, warn: (message: string) => void): void {
  const check = (kind: string, id: string | false | undefined, declared: Array<{ id: string }>) =>
    id &&
    !declared.some((item) => item.id === id) &&
    warn(`no ${kind} "${id}" in the config (${declared.map((item) => item.id).join(', ') || 'none'}): tags marked with it stay held`);
  check('category', need.category != PENDING && need.category, settings.categories);
  check('service', need.service, settings.services);
}
