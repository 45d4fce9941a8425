import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as checks from '../../src/core/config/checks';
import * as limits from '../../src/core/config/limits';
import * as patterns from '../../src/core/config/patterns';
import schema from '../../src/core/config/schema.json';
import { validateConfig } from '../../src/core/config/validate';
import { configSchema } from '../../src/node/config-schema/config-schema';
import * as describing from '../../src/node/config-schema/describe-checks';
import { renderSchema, SCHEMA_PATH } from '../../scripts/schema.mjs';
import { INVALID_CONFIGS, VALID_CONFIGS } from './fixtures/config-samples';
import { nearValidConfig } from './fixtures/config-arbitraries';

type Schema = { [key: string]: any };
const quiet = () => {};
// strictRequired off: the blocking rule's "exactly one of category or service" is a oneOf of bare `required`s.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
const validateWithSchema = ajv.compile(schema);

const validByValidator = (config: unknown) => {
  try {
    validateConfig(config, quiet);
    return true;
  } catch {
    return false;
  }
};

/** Every sub-schema, with its JSON pointer. */
function* walk(node: unknown, pointer = '#'): Generator<[string, Schema]> {
  if (!node || typeof node != 'object') return;
  if (!Array.isArray(node)) yield [pointer, node as Schema];
  for (const [key, child] of Object.entries(node)) if (key != 'examples' && key != 'default') yield* walk(child, pointer + '/' + key);
}

describe('schema.json', () => {
  it('compiles under ajv in strict mode, as draft-07 with an $id', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe('https://unpkg.com/consentry/dist/consentry.schema.json');
    expect(typeof validateWithSchema).toBe('function');
  });

  it.each(VALID_CONFIGS)('%s: valid under both the schema and validateConfig', (_, config) => {
    expect(validateWithSchema(config), JSON.stringify(validateWithSchema.errors)).toBe(true);
    expect(validByValidator(config)).toBe(true);
  });

  it.each(INVALID_CONFIGS)('%s: invalid under both', (_, config) => {
    expect(validateWithSchema(config)).toBe(false);
    expect(validByValidator(config)).toBe(false);
  });

  it('agrees with validateConfig on 3,000 near-valid configs (the validator may only be stricter)', () => {
    const seen = { both: 0, neither: 0, validatorOnly: 0 };
    fc.assert(
      fc.property(nearValidConfig, (config) => {
        const bySchema = validateWithSchema(config);
        const byValidator = validByValidator(config);
        // References and uniqueness are beyond JSON Schema, so only "schema valid, validator not" may happen.
        expect(byValidator && !bySchema, JSON.stringify({ config, errors: validateWithSchema.errors })).toBe(false);
        seen[bySchema == byValidator ? (bySchema ? 'both' : 'neither') : 'validatorOnly']++;
      }),
      { numRuns: 3_000 },
    );
    expect(seen.both).toBeGreaterThan(100);
    expect(seen.neither).toBeGreaterThan(100);
    // Disagreements are rare: only the cross-references a schema cannot express.
    expect(seen.validatorOnly).toBeLessThan(seen.both / 5);
  }, 60_000);

  it('uses exactly the patterns of src/core/config/patterns.ts', () => {
    const sources = Object.values(patterns).map((re) => re.source);
    const used = [...walk(schema)].flatMap(([, node]) => [node.pattern, node.propertyNames?.pattern]).filter(Boolean);
    for (const pattern of used) expect(sources).toContain(pattern);
    for (const source of sources) expect(used).toContain(source);
  });

  it('states the same limits as src/core/config/limits.ts', () => {
    for (const [pointer, node] of walk(schema)) {
      if (node.type == 'array') expect(node.maxItems, pointer).toBe(limits.MAX_ITEMS);
      if (node.type == 'string' && !node.enum) expect(node.maxLength, pointer).toBeLessThanOrEqual(limits.MAX_TEXT);
    }
    expect(schema.definitions.Id.maxLength).toBe(limits.MAX_ID);
    expect(schema.properties.revision.maximum).toBe(limits.MAX_REVISION);
    expect(schema.properties.cookie.properties.expiresDays.maximum).toBe(limits.MAX_EXPIRES_DAYS);
    expect(schema.properties.cookie.properties.expiresDays.default).toBe(limits.RECOMMENDED_EXPIRES_DAYS);
  });

  it('documents every property: title, description and examples (valid ones), and no open objects', () => {
    const validateNode = (node: Schema, value: unknown) => ajv.validate({ ...node, definitions: schema.definitions }, value);
    for (const [pointer, node] of walk(schema)) {
      if (node.type == 'object' && !node.additionalProperties) expect(node.additionalProperties, pointer).toBe(false);
      for (const [key, property] of Object.entries<Schema>(node.properties ?? {})) {
        const where = pointer + '/properties/' + key;
        expect(property.title, where).toBeTruthy();
        expect(property.description, where).toBeTruthy();
        expect(property.examples?.length, where).toBeGreaterThan(0);
        for (const example of property.examples)
          expect(validateNode(property, example), where + ' example ' + JSON.stringify(example)).toBe(true);
        if ('default' in property) expect(validateNode(property, property.default), where + ' default').toBe(true);
      }
    }
  });

  it("states the validator's defaults", () => {
    const settings = validateConfig({}) as unknown as Schema;
    // Exceptions: the schema's "no extra categories" is Settings' three built-ins, and integrations are
    // kept as given (each integration applies the defaults the schema documents).
    const compare = (node: Schema, actual: Schema, pointer: string) => {
      for (const [key, property] of Object.entries<Schema>(node.properties ?? {})) {
        if (key == 'categories' || key == 'integrations') continue;
        const stated = property.default;
        // An object default names the keys worth showing; Settings may have more ('' for "none").
        if (stated && typeof stated == 'object' && !Array.isArray(stated)) expect(actual[key], pointer + '.' + key).toMatchObject(stated);
        else if ('default' in property) expect(actual[key], pointer + '.' + key).toEqual(stated);
        if (property.properties && actual[key] && typeof actual[key] == 'object') compare(property, actual[key], pointer + '.' + key);
      }
    };
    compare(schema, settings, 'config');
  });
});

describe('schema.json is generated from the spec', () => {
  it('is what scripts/schema.mjs makes of src/core/config/spec.ts and the annotation table', async () => {
    const generated = await renderSchema();
    expect(generated === readFileSync(SCHEMA_PATH, 'utf8'), 'out of date: run `npm run docs` and commit src/core/config/schema.json').toBe(
      true,
    );
  }, 60_000);

  const { boolean, either, list, map, narrow, object, oneOf, refine, text } = describing;
  const ROOT = { '': { $schema: 'http://json-schema.org/draft-07/schema#', $id: 'https://example.com/s.json' } };

  it('describes each combinator: a refinement as its base, a narrowed text by the narrower pattern, two shapes as a oneOf', () => {
    const spec = object(
      {
        id: refine(text('', /^[a-z]+$/, 40)),
        name: narrow(text('', /^.+$/), /^[^*]+$/),
        kind: oneOf('a', 'b'),
        on: boolean,
        words: either('string', text(''), map(text('', /^[a-z]{2}$/), text(''))),
        rules: list(object({ category: text(''), service: text('') }, [], ['category', 'service'])),
      },
      ['id'],
    );
    expect(configSchema(spec, ROOT)).toEqual({
      ...ROOT[''],
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: {
        id: { type: 'string', pattern: '^[a-z]+$', maxLength: 40 },
        name: { type: 'string', pattern: '^[^*]+$', maxLength: limits.MAX_TEXT },
        kind: { type: 'string', enum: ['a', 'b'] },
        on: { type: 'boolean' },
        words: {
          oneOf: [
            { type: 'string', maxLength: limits.MAX_TEXT },
            {
              type: 'object',
              propertyNames: { pattern: '^[a-z]{2}$', maxLength: 2 },
              additionalProperties: { type: 'string', maxLength: limits.MAX_TEXT },
            },
          ],
        },
        rules: {
          type: 'array',
          maxItems: limits.MAX_ITEMS,
          items: {
            type: 'object',
            additionalProperties: false,
            properties: {
              category: { type: 'string', maxLength: limits.MAX_TEXT },
              service: { type: 'string', maxLength: limits.MAX_TEXT },
            },
            oneOf: [{ required: ['category'] }, { required: ['service'] }],
          },
        },
      },
      definitions: {},
    });
  });

  it('has a describing twin for every combinator of checks.ts, so the spec can use any of them', () => {
    expect(Object.keys(describing)).toEqual(expect.arrayContaining(Object.keys(checks)));
  });

  it('refuses a check written by hand, which it cannot describe', () => {
    const handWritten = (value: unknown) => value;
    expect(() => object({ id: handWritten as never })).toThrow(/id: not built from the combinators/);
    expect(() => describing.check()).toThrow(/refine/);
  });

  it('puts the words of the table around the structure, and shares a definition only where the spec checks alike', () => {
    const spec = object({ a: text('', /^a$/), b: text('', /^a$/) });
    const words = { title: 'A', description: 'An a.', examples: ['a'] };
    expect(
      configSchema(spec, { ...ROOT, a: { ...words, ref: 'A' }, b: { ref: 'A', default: 'a' }, '#A': { title: 'The a' } }),
    ).toMatchObject({
      properties: { a: { ...words, $ref: '#/definitions/A' }, b: { $ref: '#/definitions/A', default: 'a' } },
      definitions: { A: { title: 'The a', type: 'string', pattern: '^a$' } },
    });
    const unlike = object({ a: text('', /^a$/), b: text('', /^b$/) });
    expect(() => configSchema(unlike, { ...ROOT, a: { ref: 'A' }, b: { ref: 'A' } })).toThrow(/"b" shares #A/);
  });

  it('refuses a table that names a field the spec lacks, or states what the spec must', () => {
    const spec = object({ a: boolean });
    expect(() => configSchema(spec, { ...ROOT, b: { title: 'B' } })).toThrow(/does not have: b/);
    expect(() => configSchema(spec, { ...ROOT, a: { type: 'string' } as never })).toThrow(/"a" says type/);
  });
});
