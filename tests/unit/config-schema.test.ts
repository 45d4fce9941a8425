import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as limits from '../../src/core/config/limits';
import * as patterns from '../../src/core/config/patterns';
import schema from '../../src/core/config/schema.json';
import { validateConfig } from '../../src/core/config/validate';
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

/** Follows a local `$ref`. */
const resolve = (node: Schema): Schema => (node.$ref ? resolve((schema.definitions as Schema)[node.$ref.split('/').pop()]) : node);

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

/* ---------- schema.json ↔ types.ts (ConsentryConfig), read with the TypeScript compiler API ---------- */

type Shape =
  | { kind: 'object'; properties: { [name: string]: { shape: Shape; optional: boolean } }; index?: Shape }
  | { kind: 'array'; items: Shape }
  | { kind: 'leaf' };

const typesSource = ts.createSourceFile(
  'types.ts',
  readFileSync(new URL('../../src/core/config/types.ts', import.meta.url), 'utf8'),
  ts.ScriptTarget.Latest,
  true,
);
const declarations = new Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>();
typesSource.forEachChild((node) => {
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) declarations.set(node.name.text, node);
});

function shapeOfMembers(members: readonly ts.TypeElement[]): Shape {
  const shape: Shape & { kind: 'object' } = { kind: 'object', properties: {} };
  for (const member of members) {
    if (ts.isPropertySignature(member) && member.type)
      shape.properties[member.name.getText(typesSource).replace(/^['"]|['"]$/g, '')] = {
        shape: shapeOfType(member.type),
        optional: !!member.questionToken,
      };
    if (ts.isIndexSignatureDeclaration(member)) shape.index = shapeOfType(member.type);
  }
  return shape;
}

function shapeOfType(node: ts.TypeNode): Shape {
  if (ts.isArrayTypeNode(node)) return { kind: 'array', items: shapeOfType(node.elementType) };
  if (ts.isTypeLiteralNode(node)) return shapeOfMembers(node.members);
  // `{ [type in ConsentType]?: … }`: one property per member of the union of names.
  if (ts.isMappedTypeNode(node) && node.typeParameter.constraint && node.type) {
    const names = shapeNames(node.typeParameter.constraint);
    const value = shapeOfType(node.type);
    return {
      kind: 'object',
      properties: Object.fromEntries(names.map((name) => [name, { shape: value, optional: !!node.questionToken }])),
    };
  }
  // `{ regions: string[] } & { … }`: the members of both.
  if (ts.isIntersectionTypeNode(node)) {
    const parts = node.types.map(shapeOfType);
    if (parts.every((part) => part.kind == 'object'))
      return { kind: 'object', properties: Object.assign({}, ...parts.map((part) => (part as Shape & { kind: 'object' }).properties)) };
  }
  if (ts.isUnionTypeNode(node)) {
    const types = node.types.filter(
      (type) =>
        type.kind != ts.SyntaxKind.UndefinedKeyword && !(ts.isLiteralTypeNode(type) && type.literal.kind == ts.SyntaxKind.NullKeyword),
    );
    return types.length == 1 ? shapeOfType(types[0]) : { kind: 'leaf' };
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText(typesSource);
    if (name == 'Partial') {
      const inner = shapeOfType(node.typeArguments![0]);
      if (inner.kind == 'object') for (const property of Object.values(inner.properties)) property.optional = true;
      return inner;
    }
    if (name == 'Array') return { kind: 'array', items: shapeOfType(node.typeArguments![0]) };
    const declaration = declarations.get(name);
    if (declaration && ts.isInterfaceDeclaration(declaration)) return shapeOfMembers(declaration.members);
    if (declaration && ts.isTypeAliasDeclaration(declaration)) return shapeOfType(declaration.type);
  }
  return { kind: 'leaf' };
}

/** The string literals of a union, following type aliases (`ConsentType`). */
function shapeNames(node: ts.TypeNode): string[] {
  if (ts.isTypeReferenceNode(node)) {
    const declaration = declarations.get(node.typeName.getText(typesSource));
    return declaration && ts.isTypeAliasDeclaration(declaration) ? shapeNames(declaration.type) : [];
  }
  if (ts.isUnionTypeNode(node)) return node.types.flatMap(shapeNames);
  return ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal) ? [node.literal.text] : [];
}

/** Compares a TypeScript shape with a schema node; returns the differences as readable lines. */
function differences(shape: Shape, node: Schema, path: string): string[] {
  node = resolve(node);
  const schemaKind = node.type == 'array' ? 'array' : node.type == 'object' ? 'object' : 'leaf';
  if (schemaKind != shape.kind) return [`${path}: types.ts has ${shape.kind}, schema has ${schemaKind}`];
  if (shape.kind == 'array') return differences(shape.items, node.items, path + '[]');
  if (shape.kind == 'leaf') return [];
  const out: string[] = [];
  const schemaProperties: Schema = node.properties ?? {};
  const required: string[] = node.required ?? [];
  for (const [name, property] of Object.entries(shape.properties)) {
    if (!(name in schemaProperties)) {
      out.push(`${path}.${name}: in types.ts, missing from the schema`);
      continue;
    }
    if (property.optional == required.includes(name))
      out.push(`${path}.${name}: ${property.optional ? 'optional' : 'required'} in types.ts, not in the schema`);
    out.push(...differences(property.shape, schemaProperties[name], path + '.' + name));
  }
  for (const name of Object.keys(schemaProperties))
    if (!(name in shape.properties) && !shape.index) out.push(`${path}.${name}: in the schema, missing from types.ts`);
  if (node.additionalProperties && typeof node.additionalProperties == 'object') {
    if (!shape.index) out.push(`${path}: the schema allows free keys, types.ts has no index signature`);
    else out.push(...differences(shape.index, node.additionalProperties, path + '[key]'));
  } else if (shape.index && !Object.keys(schemaProperties).length)
    out.push(`${path}: index signature in types.ts, closed object in the schema`);
  return out;
}

describe('schema.json and types.ts describe the same ConsentryConfig', () => {
  const config = shapeOfMembers((declarations.get('ConsentryConfig') as ts.InterfaceDeclaration).members);

  it('reads the interfaces from types.ts', () => {
    expect(config.kind).toBe('object');
    const properties = (config as Shape & { kind: 'object' }).properties;
    expect(Object.keys(properties)).toEqual(expect.arrayContaining(['revision', 'categories', 'services', 'integrations']));
    expect(properties.services.shape).toMatchObject({ kind: 'array', items: { kind: 'object' } });
  });

  it('has the same property names, nesting and optionality, recursively', () => {
    expect(differences(config, schema, 'config')).toEqual([]);
  });

  it('would notice a drift (the comparison can fail)', () => {
    const drifted = structuredClone(schema) as Schema;
    delete drifted.properties.ui.properties.theme;
    drifted.properties.cookie.properties.colour = { type: 'string' };
    drifted.properties.receipts.required = [];
    drifted.properties.services.items.properties.hosts = { type: 'string' };
    expect(differences(config, drifted, 'config').sort()).toEqual([
      'config.cookie.colour: in the schema, missing from types.ts',
      'config.receipts.endpoint: required in types.ts, not in the schema',
      'config.services[].hosts: types.ts has array, schema has leaf',
      'config.ui.theme: in types.ts, missing from the schema',
    ]);
  });
});
