import type { ClassifyingSettings } from './effects/types';
import { MAX_CONFIG_SIZE } from '../core/config/limits';
import { LANGUAGE_OR_AUTO, NONCE, ORIGIN, TOKEN, TT_POLICY, URL_LIKE } from '../core/config/patterns';

/** What the loader reads from a config before it is validated. */
export interface BootHints {
  /** Where and how to fetch the validator. */
  assetsUrl?: string;
  /** Origins besides the loader's that `assetsUrl` may name (see ./assets-base). */
  trustedAssetOrigins?: string[];
  nonce?: string;
  trustedTypesPolicy?: string;
  /** Whether this visitor has chosen before (the consent cookie's name), and in which language to ask. */
  cookieName?: string;
  language?: string;
  /**
   * The rules and services, to decide which unmarked tags wait meanwhile: a tag they (or the built-in
   * table) name waits, any other tag runs as it would once the config is valid. Nothing is granted from them.
   */
  classifying?: ClassifyingSettings;
}

const text = (value: unknown, pattern = /./) => (typeof value == 'string' && pattern.test(value) ? value : undefined);
const list = (value: unknown): any[] => (Array.isArray(value) ? value : []);
/**
 * Every object of the config without a prototype: a polluted Object.prototype (a bug anywhere on the
 * page) must not supply what the config left out, least of all where the SDK's code comes from.
 */
const ownOnly = (_key: string, value: unknown) =>
  value && typeof value == 'object' && !Array.isArray(value) ? Object.setPrototypeOf(value, null) : value;

/**
 * Read leniently from the raw config, each value held to the validator's own pattern, so an unvalidated
 * config can point the SDK only at what a valid one could. Anything unreadable gives no hints (and then
 * every cross-origin tag waits).
 */
export function bootHints(config: unknown): BootHints {
  try {
    if (typeof config == 'string' && config.length > MAX_CONFIG_SIZE) return {};
    const raw = JSON.parse(typeof config == 'string' ? config : JSON.stringify(config), ownOnly);
    if (!raw || typeof raw != 'object') return {};
    return {
      assetsUrl: text(raw.ui?.assetsUrl, URL_LIKE),
      trustedAssetOrigins: list(raw.ui?.trustedAssetOrigins).filter((origin) => text(origin, ORIGIN)),
      nonce: text(raw.ui?.nonce, NONCE),
      trustedTypesPolicy: text(raw.blocking?.trustedTypesPolicy, TT_POLICY),
      cookieName: text(raw.cookie?.name, TOKEN),
      language: text(raw.language, LANGUAGE_OR_AUTO),
      classifying: {
        // Auto-blocking stays on until the config is known to turn it off.
        blocking: {
          autoBlock: true,
          // Strict mode holds every unknown cross-site host meanwhile too (as "pending": nothing is granted).
          thirdParty: raw.blocking?.thirdParty == 'hold' ? 'hold' : undefined,
          // Only named in the development console list meanwhile: the same host is listed once, under its category.
          unknownCategory: text(raw.blocking?.unknownCategory),
          rules: list(raw.blocking?.rules)
            .filter((rule) => text(rule?.match))
            .map((rule) => ({ match: rule.match, category: text(rule.category), service: text(rule.service) })),
        },
        services: list(raw.services)
          .filter((service) => text(service?.id) && text(service.category))
          .map((service) => ({ id: service.id, category: service.category, hosts: list(service.hosts).filter((host) => text(host)) })),
      },
    };
  } catch {
    return {};
  }
}
