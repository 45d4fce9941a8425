/*
 * Type-level only (no runtime code): the check that the config spec (spec.ts) and `ConsentryConfig`
 * (types.ts) describe the same config.
 */

/**
 * A type with every key made required and tagged with whether it was optional, recursively: two types
 * assign to each other in this form only when they have the same keys, the same optionality and the same
 * values. (Plain mutual assignability would miss an optional key present on one side only.)
 */
export type Canon<T> = T extends readonly (infer Item)[]
  ? Canon<Item>[]
  : T extends object
    ? { [K in keyof T]-?: [Canon<Exclude<T[K], undefined>>, Record<never, never> extends Pick<T, K> ? 'optional' : 'required'] }
    : T;

/** Compiles only when `B` fits `A`; tsc's error then names the property that does not. */
export type Fits<A, B extends A> = B;
