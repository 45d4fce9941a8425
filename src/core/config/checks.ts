import type { ConfigProblem } from './errors';
import { MAX_CONFIG_SIZE, MAX_ITEMS, MAX_TEXT } from './limits';
import { didYouMean } from './did-you-mean';

/** State of one validation run (`_`-prefixed: internal, mangled in the build). */
export interface CheckContext {
  _problems: ConfigProblem[];
  /** Text seen so far (strings, keys, list items), against MAX_CONFIG_SIZE. */
  _size: number;
  /** Category ids the config declares (built-ins only when re-declared). */
  _categories: Set<string>;
  _services: Set<string>;
  /** Built-in categories the config hides (`hidden: true`): declared, yet nothing may refer to them. */
  _hidden: Set<string>;
  /** Separate consent ids the config declares (`separateConsents`, the legacy `crossBorder`). */
  _consents?: Set<string>;
  _onWarning?: (message: string) => void;
}

/**
 * Validates `value` found at `path`, reports what is wrong into the context, and returns the
 * normalised value, a `T` (undefined when invalid). The config spec is a table of these, and its `T`
 * is `ConsentryConfig`: spec.ts asserts it, so tsc fails when the spec and types.ts drift.
 */
export type Check<T = unknown> = (value: any, path: string, context: CheckContext) => T | undefined;

/** What a check returns when the value is valid. */
export type Checked<C> = C extends Check<infer T> ? T : never;

type Fields = { [key: string]: Check<unknown> };

/** The object `object(fields, required)` returns: `required` keys present, every other key optional. */
type Shape<F extends Fields, R extends keyof F> = { [K in keyof F as K extends R ? K : never]: Checked<F[K]> } & {
  [K in keyof F as K extends R ? never : K]?: Checked<F[K]>;
} extends infer O
  ? { [K in keyof O]: O[K] }
  : never;

/** A short, safe rendering of a bad value: never a function's source, never more than 40 characters of text. */
const show = (value: unknown) =>
  typeof value == 'string'
    ? JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)
    : value && typeof value == 'object'
      ? Array.isArray(value)
        ? 'a list'
        : 'an object'
      : typeof value == 'function'
        ? 'a function'
        : String(value);

/** Records a problem; `value` (when given) is shown before the hint. Returns undefined, the "invalid" result. */
export function fail(context: CheckContext, path: string, value: unknown, hint: string): undefined {
  context._problems.push({ path, message: (value === undefined ? '' : show(value) + ' ') + hint });
}

/** `ui.layout`, `categories[2]`, or `texts["zh CN"]` for keys that are not plain names. */
const pathOf = (path: string, key: string) =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? (path && path + '.') + key : path + '[' + JSON.stringify(key) + ']';

/** Counts toward the size limit; the walk stops at once (the context is thrown) when the config is too large. */
function grow(context: CheckContext, by: number) {
  if ((context._size += by) > MAX_CONFIG_SIZE) throw context;
}

/** Own keys of a plain object (from this realm or another), or undefined for anything else: class instances, Dates, lists… */
function keysOf(value: any): string[] | undefined {
  if (value && typeof value == 'object' && !Array.isArray(value)) {
    const proto = Object.getPrototypeOf(value);
    if (!proto || !Object.getPrototypeOf(proto)) return Object.keys(value);
  }
}

export const check =
  <T>(test: (value: any) => unknown, hint: string): Check<T> =>
  (value, path, context) =>
    test(value) ? value : fail(context, path, value, hint);

export const text =
  (hint: string, pattern?: RegExp, max = MAX_TEXT): Check<string> =>
  (value, path, context) =>
    typeof value != 'string'
      ? fail(context, path, value, hint)
      : value.length > max
        ? fail(context, path, value, 'must be at most ' + max + ' characters')
        : pattern && !pattern.test(value)
          ? fail(context, path, value, hint)
          : (grow(context, value.length), value);

export const integer = (min: number, max: number) =>
  check<number>((value) => Number.isInteger(value) && value >= min && value <= max, 'must be a whole number from ' + min + ' to ' + max);

export const boolean = check<boolean>((value) => typeof value == 'boolean', 'must be true or false');

export const oneOf = <V extends string>(...values: V[]) =>
  check<V>((value) => values.includes(value), 'must be one of ' + values.join(', '));

/** A list of `item`s, at most MAX_ITEMS long. */
export const list =
  <T>(item: Check<T>): Check<T[]> =>
  (value, path, context) => {
    if (!Array.isArray(value)) return fail(context, path, value, 'must be a list');
    if (value.length > MAX_ITEMS) return fail(context, path, undefined, 'must have at most ' + MAX_ITEMS + ' items');
    grow(context, value.length);
    // A failed item leaves undefined here; the run then has a problem, and the whole result is thrown away.
    const out: T[] = [];
    // An index loop, so holes in sparse arrays are checked (as undefined) rather than skipped.
    for (let i = 0; i < value.length; i++) out.push(item(value[i], path + '[' + i + ']', context) as T);
    return out;
  };

/**
 * An object with known `fields`; any other key is a problem (with a "did you mean" hint).
 * Fields are checked in the spec's order, so ids are declared before anything refers to them.
 * When `exactlyOne` names keys, exactly one of them must be present.
 */
export const object =
  <F extends Fields, R extends keyof F & string = never>(
    fields: F,
    required: R[] = [],
    exactlyOne: (keyof F & string)[] = [],
  ): Check<Shape<F, R>> =>
  (value, path, context) => {
    const keys = keysOf(value);
    if (!keys) return fail(context, path, value, 'must be an object');
    const known = Object.keys(fields);
    for (const key of keys) {
      grow(context, key.length);
      if (!known.includes(key)) fail(context, pathOf(path, key), undefined, 'is not a known key' + didYouMean(key, known));
    }
    // fromEntries defines own properties, so nothing inherited (not even a polluted Object.prototype) interferes.
    const out = Object.fromEntries(
      known.filter((key) => keys.includes(key)).map((key) => [key, fields[key](value[key], pathOf(path, key), context)]),
    ) as Shape<F, R>;
    for (const key of required) if (!keys.includes(key)) fail(context, pathOf(path, key), undefined, 'is required');
    if (exactlyOne[0] && exactlyOne.filter((key) => keys.includes(key)).length != 1)
      fail(context, path, undefined, 'needs exactly one of ' + exactlyOne.join(', '));
    return out;
  };

/**
 * `base`, then `then` on a valid value only: a rule a JSON Schema cannot state (a reference to an id declared
 * elsewhere, an id declared once, a warning, a rule across two fields). The schema describes `base` alone, so
 * `then` may only refuse more, never accept more (src/node/config-schema/describe-checks.ts).
 */
export const refine =
  <T>(base: Check<T>, then: (valid: T, path: string, context: CheckContext) => T | undefined): Check<T> =>
  (value, path, context) =>
    // `value` becomes the valid value: one name instead of two keeps the browser bundle a few bytes smaller.
    (value = base(value, path, context)) === undefined ? value : then(value, path, context);

/**
 * A text check narrowed to `pattern`, with a hint of its own made from the value. `pattern` must match only
 * what `base`'s pattern matches: the schema states `pattern` in place of base's.
 */
export const narrow = (base: Check<string>, pattern: RegExp, hint: (valid: string) => string): Check<string> =>
  refine(base, (valid, path, context) => (pattern.test(valid) ? valid : fail(context, path, valid, hint(valid))));

/** `a` for a value of JavaScript type `type`, else `b`: two shapes of one value (text, or text per language). */
export const either =
  <A, B>(type: 'string' | 'number' | 'boolean' | 'object', a: Check<A>, b: Check<B>): Check<A | B> =>
  (value, path, context) =>
    (typeof value == type ? a : b)(value, path, context);

/**
 * An object whose keys are free but must pass `key`. Every key pattern refuses `__proto__`, `constructor`
 * and `prototype`, so checked keys can never reach a prototype.
 */
export const map =
  <T>(key: Check<string>, item: Check<T>, hint = 'must be an object'): Check<{ [key: string]: T }> =>
  (value, path, context) => {
    const keys = keysOf(value);
    if (!keys) return fail(context, path, value, hint);
    return Object.fromEntries(
      keys
        .filter((name) => key(name, pathOf(path, name), context) !== undefined)
        .map((name) => [name, item(value[name], pathOf(path, name), context) as T]),
    );
  };
