import type { ConsentryConfig } from './types';

/**
 * A type as a JSON import types it: TypeScript widens every literal in a JSON module (`"layout": "box"`
 * becomes `string`), so a JSON config never matches `ConsentryConfig`'s literal unions. Here each such
 * union also takes any string; `(string & {})` keeps the known values as editor suggestions.
 */
type Widened<T> = T extends string
  ? string extends T
    ? string
    : T | (string & {})
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer Item)[]
        ? Widened<Item>[]
        : T extends object
          ? { [Key in keyof T]: Widened<T[Key]> }
          : T;

/** `ConsentryConfig` with its literal unions widened to string: the type of an imported consentry.json. */
export type ConsentryConfigJson = Widened<ConsentryConfig>;

/**
 * Types a config imported from JSON: `createConsent(defineConfig(config))`. Returns the config unchanged.
 * Property names and value types are checked at compile time; the values of literal unions (`layout`,
 * `theme`, `regime`, …) are checked when the config is validated, which throws a `ConfigError` naming them.
 * For a config written in TypeScript, `satisfies ConsentryConfig` checks those values at compile time too.
 */
export function defineConfig(config: ConsentryConfigJson): ConsentryConfig {
  return config as ConsentryConfig;
}
