import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/config/errors';
import { validateConfig } from '../../src/core/config/validate';
import { BASE, PATHS, mutate, nearValidConfig, type Json } from './fixtures/config-arbitraries';

const quiet = () => {};

/** Settings (deeply frozen), or a ConfigError with at least one problem: never anything else. */
function settlesCleanly(input: unknown): 'valid' | 'invalid' {
  try {
    const settings = validateConfig(input, quiet);
    expect(Object.isFrozen(settings) && Object.isFrozen(settings.categories) && Object.isFrozen(settings.ui)).toBe(true);
    return 'valid';
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    expect(error.problems.length).toBeGreaterThan(0);
    return 'invalid';
  }
}

describe('validateConfig on random input never throws anything but ConfigError', () => {
  it('10,000 random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => void settlesCleanly(value)),
      { numRuns: 10_000 },
    );
  }, 60_000);

  it('10,000 near-valid configs, as objects and as JSON text', () => {
    const seen = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(nearValidConfig, (config) => {
        const outcome = settlesCleanly(config);
        expect(settlesCleanly(JSON.stringify(config))).toBe(outcome);
        seen[outcome]++;
      }),
      { numRuns: 10_000 },
    );
    // The generator really explores both sides of the line.
    expect(seen.valid).toBeGreaterThan(500);
    expect(seen.invalid).toBeGreaterThan(500);
  }, 60_000);

  it('2,000 random strings as JSON text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => void settlesCleanly(text)),
      { numRuns: 2_000 },
    );
  });
});

describe('prototype pollution attempts leave Object.prototype alone', () => {
  const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype');
  const payload = fc.constantFrom('{"polluted":1}', '{"prototype":{"polluted":1}}', '"polluted"', '[1]');

  it('2,000 configs with a hostile key planted anywhere (as JSON text, so __proto__ is an own key)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), hostileKey, payload, (path, key, value) => {
        const config = mutate(BASE, []);
        let target: any = config;
        for (const step of path) target = target[step];
        const json =
          target && typeof target == 'object' && !Array.isArray(target)
            ? JSON.stringify(config, (_, v) => (v === target ? { ...v, '\u0000hostile': 0 } : v)).replace(
                '"\\u0000hostile":0',
                JSON.stringify(key) + ':' + value,
              )
            : '{' + JSON.stringify(key) + ':' + value + '}';
        expect(settlesCleanly(json)).toBe('invalid');
        expect(settlesCleanly(JSON.parse(json))).toBe('invalid');
        expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });

  it('random JSON carrying hostile keys at any depth', () => {
    const hostileJson = fc.letrec<{ node: Json }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>,
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(fc.oneof(hostileKey, fc.constantFrom('ui', 'texts', 'en', 'categories', 'title', 'id')), tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(hostileJson, (value) => {
        // fast-check defines "__proto__" as an own key, so the JSON text carries it too.
        const text = JSON.stringify(value);
        settlesCleanly(text);
        settlesCleanly(value);
        expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });
});
