import type { Loose } from './types';

/** A plain object (own keys only), or undefined for anything else: lists, functions, class instances. */
export function asObject(value: unknown): Loose | undefined {
  if (!value || typeof value != 'object' || Array.isArray(value) || value instanceof RegExp) return undefined;
  const proto = Object.getPrototypeOf(value);
  return !proto || !Object.getPrototypeOf(proto) ? (value as Loose) : undefined;
}

export const asString = (value: unknown): string | undefined => (typeof value == 'string' ? value : undefined);

export const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Own entries only, so an inherited or `__proto__` key never reaches the converted config. */
export const entriesOf = (value: unknown): [string, unknown][] =>
  Object.entries(asObject(value) ?? {}).filter(([key]) => key != '__proto__');

/** `categories.analytics`, `services[2]`, `translations["zh-CN"]`: where a note points to. */
export const at = (path: string, key: string | number) =>
  typeof key == 'number'
    ? `${path}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? (path ? path + '.' : '') + key
      : `${path}[${JSON.stringify(key)}]`;

/** `at` for a dotted path of plain keys: `atPath('x', 'consentModal.title')` is `x.consentModal.title`. */
export const atPath = (path: string, keys: string) => keys.split('.').reduce<string>(at, path);
