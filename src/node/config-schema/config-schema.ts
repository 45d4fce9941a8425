/*
 * Writes the config's JSON Schema (src/core/config/schema.json) from two sources: the structure from the
 * validator's spec (src/core/config/spec.ts, read through the describing combinators of describe-checks.ts),
 * and the words from annotations.json (titles, descriptions, examples, defaults, and which fields share a
 * definition). Only scripts/schema.mjs can import this module as written: it bundles it with spec.ts's
 * `./checks` swapped for describe-checks.ts (imported directly, configSpec would be the browser validator).
 */
import { configSpec } from '../../core/config/spec';
import annotations from './annotations.json';
import { type Fragment, fragmentOf } from './describe-checks';

/**
 * What the spec cannot say, by path: `categories[].id` (`[]` an item, `{}` the value under a free key,
 * `|0` a `oneOf` branch), `""` the whole config, `#Name` a shared definition and its fields (`#Texts.save`).
 */
type Annotation = { title?: string; description?: string; default?: unknown; examples?: unknown[]; ref?: string };
export type Annotations = { [path: string]: Annotation & { $schema?: string; $id?: string } };
const ALLOWED = new Set(['title', 'description', 'default', 'examples', 'ref']);
const ROOT_ALLOWED = new Set(['$schema', '$id', 'title', 'description']);

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) == JSON.stringify(b);

/** The config's JSON Schema (draft-07), as schema.json holds it; tests pass a spec and table of their own. */
export function configSchema(spec: unknown = configSpec, table: Annotations = annotations): Fragment {
  const paths = Object.keys(table);
  /** Where a path stands in the table; one it does not name goes last. */
  const place = (path: string) => (paths.includes(path) ? paths.indexOf(path) : paths.length);
  const used = new Set<string>();
  const definitions: { [name: string]: { structure: Fragment; schema?: Fragment } } = {};

  const annotationOf = (path: string, allowed = ALLOWED): Annotation => {
    const annotation = table[path];
    if (!annotation) return {};
    used.add(path);
    for (const key of Object.keys(annotation))
      if (!allowed.has(key)) throw new Error(`annotations.json: "${path}" says ${key}, which the spec states (or must)`);
    return annotation;
  };

  /** One node: its words around its structure, or a `$ref` when the table shares its structure under a name. */
  const annotate = (node: Fragment, path: string): Fragment => {
    const { ref, title, description, default: fallback, examples } = annotationOf(path);
    let body: Fragment;
    if (ref) {
      const known = definitions[ref];
      if (known && !sameJson(known.structure, node))
        throw new Error(`annotations.json: "${path}" shares #${ref}, but the spec checks it differently from the first use`);
      if (!known) {
        definitions[ref] = { structure: node };
        definitions[ref].schema = annotate(node, '#' + ref);
      }
      body = { $ref: '#/definitions/' + ref };
    } else body = structure(node, path);
    return {
      ...(title !== undefined && { title }),
      ...(description !== undefined && { description }),
      ...body,
      ...(fallback !== undefined && { default: fallback }),
      ...(examples !== undefined && { examples }),
    };
  };

  /** The node's keywords, its children annotated in turn. */
  const structure = (node: Fragment, path: string): Fragment => {
    const out: Fragment = { ...node };
    const child = (name: string) => (path ? path + '.' : '') + name;
    // Fields in the table's order: the spec's order is the order of checking (ids before references), the
    // table's the order of reading (schema.json, docs/config.md).
    if (node.properties)
      out.properties = Object.fromEntries(
        Object.entries(node.properties as { [key: string]: Fragment })
          .sort(([a], [b]) => place(child(a)) - place(child(b)))
          .map(([key, field]) => [key, annotate(field, child(key))]),
      );
    if (node.items) out.items = annotate(node.items as Fragment, path + '[]');
    if (node.additionalProperties && typeof node.additionalProperties == 'object')
      out.additionalProperties = annotate(node.additionalProperties as Fragment, path + '{}');
    if (node.oneOf) out.oneOf = (node.oneOf as Fragment[]).map((branch, i) => annotate(branch, path + '|' + i));
    return out;
  };

  const { $schema, $id, title, description } = annotationOf('', ROOT_ALLOWED) as Annotation & { $schema: string; $id: string };
  const body = structure(fragmentOf(spec, 'configSpec'), '');
  // Definitions in the table's order, so regrouping the spec does not reshuffle them.
  const order = paths.filter((path) => /^#[^.|[{]+$/.test(path));
  const stale = paths.filter((path) => !used.has(path));
  if (stale.length) throw new Error('annotations.json names what the spec does not have: ' + stale.join(', '));
  return {
    $schema,
    $id,
    title,
    description,
    ...body,
    definitions: Object.fromEntries(order.map((path) => [path.slice(1), definitions[path.slice(1)].schema])),
  };
}
