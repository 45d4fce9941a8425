import { asObject } from './read-loose';
import type { MigrateSource } from './types';

/**
 * Which tool a config object is for: klaro has a `services` (or `apps`) list, vanilla-cookieconsent a
 * `categories` object (v3) or its v2 keys. Undefined when it looks like neither.
 */
export function detectSource(input: unknown): MigrateSource | undefined {
  const config = asObject(input);
  if (!config) return undefined;
  if (Array.isArray(config.services) || Array.isArray(config.apps)) return 'klaro';
  if (asObject(config.categories) || 'current_lang' in config || 'page_scripts' in config) return 'vanilla-cookieconsent';
  return undefined;
}
