/*
 * The describing twin of src/core/config/checks.ts: the same combinators, by name and arguments, but each
 * returns the JSON Schema fragment of what it checks instead of checking. scripts/schema.mjs bundles the
 * config spec (src/core/config/spec.ts) with its `./checks` import pointed here, so the one spec that
 * validates in the browser also writes schema.json. Nothing here ships: the browser validator stays as it is.
 *
 * What a schema cannot state stays in the spec's `refine` steps (references to declared ids, ids declared
 * once, warnings, rules across fields): they may only refuse more, so the schema is the looser of the two,
 * never the stricter (tests/unit/config-schema.test.ts checks both agree on thousands of configs).
 */
import { MAX_ITEMS, MAX_TEXT } from '../../core/config/limits';
import { longestMatch } from './longest-match';

/** A JSON Schema fragment, without titles, descriptions, examples or defaults (src/node/config-schema/annotations.json). */
export type Fragment = { [keyword: string]: unknown };

/** A check as the describer sees it: a function never meant to run, carrying the fragment it stands for. */
export type Described = ((...args: unknown[]) => never) & { schema: Fragment };

const described = (schema: Fragment): Described =>
  Object.assign(
    () => {
      throw new Error('a described check cannot validate: use src/core/config/checks.ts');
    },
    { schema },
  );

/** The fragment a check stands for; a check written by hand, not through a combinator, has none. */
export function fragmentOf(check: unknown, where: string): Fragment {
  const schema = (check as Partial<Described> | undefined)?.schema;
  if (!schema) throw new Error(where + ': not built from the combinators of checks.ts, so it cannot be described');
  return schema;
}

/** Only reached from `refine` steps, which the describer never runs. */
export const fail = (): undefined => undefined;

export const check = (): Described => {
  throw new Error('check(test, hint) tests with code a schema cannot state: use text, integer, oneOf… or refine');
};

/** A pattern with a bound tighter than `max` states that bound (the validator's pattern refuses longer text anyway). */
export const text = (_hint: string, pattern?: RegExp, max = MAX_TEXT): Described =>
  described({
    type: 'string',
    ...(pattern && { pattern: pattern.source }),
    maxLength: Math.min(max, (pattern && longestMatch(pattern)) || max),
  });

export const integer = (min: number, max: number): Described => described({ type: 'integer', minimum: min, maximum: max });

export const boolean: Described = described({ type: 'boolean' });

export const oneOf = (...values: string[]): Described => described({ type: 'string', enum: values });

export const list = (item: Described): Described => described({ type: 'array', maxItems: MAX_ITEMS, items: fragmentOf(item, 'list item') });

/** A closed object; `exactlyOne` becomes a `oneOf` of bare `required`s, which is exactly "one of them present". */
export const object = (fields: { [key: string]: Described }, required: string[] = [], exactlyOne: string[] = []): Described =>
  described({
    type: 'object',
    additionalProperties: false,
    ...(required.length && { required }),
    properties: Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, fragmentOf(field, key)])),
    ...(exactlyOne.length && { oneOf: exactlyOne.map((key) => ({ required: [key] })) }),
  });

/** Free keys: the key check's pattern and length become `propertyNames` (which needs no type: keys are strings). */
export const map = (key: Described, item: Described): Described => {
  const { type: _string, ...names } = fragmentOf(key, 'map key');
  return described({ type: 'object', propertyNames: names, additionalProperties: fragmentOf(item, 'map value') });
};

/** The schema states `base`; the refinement only refuses more (see checks.ts). */
export const refine = (base: Described): Described => base;

/** `pattern` narrows base's (checks.ts requires it to match only what base's matches), so it replaces it. */
export const narrow = (base: Described, pattern: RegExp): Described =>
  described({ ...fragmentOf(base, 'narrowed text'), pattern: pattern.source });

/** Two shapes told apart by JavaScript type (checks.ts: `a` takes the values of that type), so exactly one fits a value. */
export const either = (_type: string, a: Described, b: Described): Described =>
  described({ oneOf: [fragmentOf(a, 'first shape'), fragmentOf(b, 'second shape')] });
