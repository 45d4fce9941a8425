import { MAX_CONFIG_SIZE } from '../config/limits';
import { NONCE, TT_POLICY, URL_LIKE } from '../config/patterns';

/** What the loader needs from a config before it is validated: where and how to fetch the validator. */
export interface BootHints {
  assetsUrl?: string;
  nonce?: string;
  trustedTypesPolicy?: string;
}

const checked = (value: unknown, pattern: RegExp) => (typeof value == 'string' && pattern.test(value) ? value : undefined);

/**
 * Read leniently from the raw config, each value held to the validator's own pattern, so an unvalidated
 * config can point the SDK only at what a valid one could. Anything unreadable gives no hints.
 */
export function bootHints(config: unknown): BootHints {
  try {
    if (typeof config == 'string' && config.length > MAX_CONFIG_SIZE) return {};
    const raw = typeof config == 'string' ? JSON.parse(config) : config;
    return {
      assetsUrl: checked(raw?.ui?.assetsUrl, URL_LIKE),
      nonce: checked(raw?.ui?.nonce, NONCE),
      trustedTypesPolicy: checked(raw?.blocking?.trustedTypesPolicy, TT_POLICY),
    };
  } catch {
    return {};
  }
}
