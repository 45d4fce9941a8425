// Writes docs/config.md from src/core/config/schema.json: every field with its type, default, example and
// description, nested objects as sections of their own. The schema, itself generated from the config spec
// (scripts/schema.mjs), is this page's one source: a unit test regenerates this file and fails when the
// checked-in copy differs, so the reference cannot drift.
// Run: node scripts/docs-config.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const CONFIG_DOCS_PATH = new URL('../docs/config.md', import.meta.url);
const SCHEMA_PATH = new URL('../src/core/config/schema.json', import.meta.url);

const code = (value) => '`' + value + '`';
const json = (value) => JSON.stringify(value);
/** Outside code spans, an HTML-like "<meta name=…>" would be swallowed by Markdown renderers: show it as code. */
const prose = (text) =>
  String(text)
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 ? part : part.replace(/<([a-z][^<>]*)>/g, '`<$1>`')))
    .join('');
/** Table cells: one line, and a literal "|" must not end the cell. */
const cell = (text) => prose(text).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
const anchor = (title) =>
  title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');

function refName(ref) {
  const match = /^#\/definitions\/(.+)$/.exec(ref);
  if (!match) throw new Error('docs-config: unsupported $ref ' + ref);
  return match[1];
}

/** Collects the sections as it walks, so that each nested object is documented once, in order. */
function createWriter(schema) {
  const sections = [];
  const definitionTitle = (name) => schema.definitions[name].title;
  const definitionLink = (name) => `[${definitionTitle(name)}](#${anchor(definitionTitle(name))})`;

  function range(node) {
    const { minimum, maximum } = node;
    if (minimum != null && maximum != null) return ` ${minimum}–${maximum}`;
    if (minimum != null) return ` ≥ ${minimum}`;
    if (maximum != null) return ` ≤ ${maximum}`;
    return '';
  }

  /** How a value's type reads in a table, with links to the sections of objects and definitions. */
  function typeOf(node, sectionTitle) {
    if (node.$ref) return definitionLink(refName(node.$ref));
    if (node.enum) return node.enum.map((value) => code(json(value))).join(' or ');
    if (node.oneOf && !node.type) return node.oneOf.map((option) => typeOf(option, sectionTitle)).join(' or ');
    switch (node.type) {
      case 'string':
        return node.pattern && !node.examples ? `text matching ${code(node.pattern)}` : 'text';
      case 'integer':
      case 'number':
        return node.type + range(node);
      case 'boolean':
        return 'boolean';
      case 'array': {
        const item = node.items || {};
        if (item.type === 'object' && item.properties) return `list of [${item.title}](#${anchor(sectionTitle)})`;
        return 'list of ' + typeOf(item, sectionTitle);
      }
      case 'object':
        if (node.properties) return `object, see [${sectionTitle}](#${anchor(sectionTitle)})`;
        if (node.additionalProperties) {
          const pattern = node.propertyNames?.pattern || '';
          const key = pattern.includes('[a-z]{2,3}') ? 'language code' : pattern.includes('[A-Z]{2}') ? 'region code' : 'key';
          return `object of ${key} → ${typeOf(node.additionalProperties, sectionTitle)}`;
        }
        return 'object';
      default:
        throw new Error('docs-config: cannot describe a node of type ' + json(node.type));
    }
  }

  /** The object node a field leads to (itself, or the items of a list), if it has fields of its own. */
  function nestedObject(node) {
    if (node.type === 'object' && node.properties) return node;
    if (node.type === 'array' && node.items?.type === 'object' && node.items.properties) return node.items;
    return null;
  }

  function fieldRows(objectNode, path) {
    const rows = [];
    const nested = [];
    for (const [name, field] of Object.entries(objectNode.properties)) {
      const fieldPath = path ? `${path}.${name}` : name;
      const child = nestedObject(field);
      const sectionTitle = child ? (field.type === 'array' ? `${fieldPath}[]` : fieldPath) : '';
      const required = objectNode.required?.includes(name);
      const example = field.examples?.[0] ?? child?.examples?.[0];
      rows.push(
        '| ' +
          [
            code(name) + (required ? ' (required)' : ''),
            typeOf(field, sectionTitle),
            field.default === undefined ? '—' : code(json(field.default)),
            example === undefined ? '—' : code(json(example)),
            field.description ?? field.title ?? '',
          ]
            .map(cell)
            .join(' | ') +
          ' |',
      );
      if (child) nested.push({ title: sectionTitle, node: child, field });
    }
    return { rows, nested };
  }

  function objectSection(title, node, level, intro) {
    const { rows, nested } = fieldRows(node, title.replace(/\[\]$/, '[]'));
    const lines = [`${'#'.repeat(level)} ${title}`, ''];
    if (intro) lines.push(prose(intro), '');
    lines.push('| Field | Type | Default | Example | Description |', '| --- | --- | --- | --- | --- |', ...rows, '');
    const example = node.examples?.[0];
    if (example !== undefined) lines.push('Example:', '', '```json', JSON.stringify(example, null, 2), '```', '');
    sections.push(lines.join('\n'));
    for (const child of nested) {
      const describe = [child.field.description, child.node !== child.field ? `Each item: ${child.node.description}` : '']
        .filter(Boolean)
        .join(' ');
      objectSection(child.title, child.node, Math.min(level + 1, 4), describe);
    }
  }

  function definitionSection(name, node) {
    const lines = [`### ${node.title}`, '', prose(node.description), ''];
    if (node.properties) {
      lines.push('| Key | Default | Description |', '| --- | --- | --- |');
      for (const [key, field] of Object.entries(node.properties)) {
        lines.push('| ' + [code(key), code(json(field.default)), field.description].map(cell).join(' | ') + ' |');
      }
      lines.push(
        '',
        node.additionalProperties === false
          ? 'Any other key is refused, with a "did you mean" hint.'
          : 'Other keys are allowed; each is plain text.',
        '',
      );
    } else {
      lines.push(`Type: ${typeOf({ ...node, $ref: undefined }, name)}.`, '');
      if (node.pattern) lines.push(`Pattern: ${code(node.pattern)}.`, '');
      if (node.maxLength) lines.push(`At most ${node.maxLength} characters.`, '');
      if (node.examples) lines.push('Examples: ' + node.examples.map((example) => code(json(example))).join(', ') + '.', '');
    }
    sections.push(lines.join('\n'));
  }

  return { sections, objectSection, definitionSection };
}

/** The whole of docs/config.md as text. */
export function renderConfigDocs(schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'))) {
  const writer = createWriter(schema);
  const topLevel = Object.entries(schema.properties);
  const scalars = { type: 'object', properties: {} };
  for (const [name, field] of topLevel)
    if (!(field.type === 'object' && field.properties) && !field.items?.properties) scalars.properties[name] = field;
  writer.objectSection('Top level', scalars, 2, 'Fields of the config object itself that are not sections of their own.');
  for (const [name, field] of topLevel) {
    if (field.type === 'object' && field.properties) writer.objectSection(name, field, 2, field.description);
    else if (field.items?.properties)
      writer.objectSection(`${name}[]`, field.items, 2, `${field.description} Each item: ${field.items.description}`);
  }
  const definitions = [];
  const definitionWriter = createWriter(schema);
  for (const [name, node] of Object.entries(schema.definitions)) definitionWriter.definitionSection(name, node);
  definitions.push(...definitionWriter.sections);

  const toc = topLevel.map(([name, field]) => {
    const title = field.items?.properties ? `${name}[]` : field.type === 'object' && field.properties ? name : null;
    return `- ${title ? `[${code(name)}](#${anchor(title)})` : `${code(name)} (see [Top level](#top-level))`}: ${field.title}`;
  });

  return [
    '<!-- Generated by scripts/docs-config.mjs from src/core/config/schema.json (itself generated from src/core/config/spec.ts and src/node/config-schema/annotations.json). Do not edit: change those and run `npm run docs`. -->',
    '',
    '# Config reference',
    '',
    prose(schema.description),
    '',
    'The config is JSON: inline in the page (`<script type="application/json" id="consentry-config">`), at the URL',
    "in the loader's `data-config` attribute, or the object given to `createConsent()`. Every field is optional",
    'unless marked (required). An invalid config is refused as a whole: the SDK names every problem at once and',
    'keeps every non-essential tag blocked. The schema is published as `consentry/schema.json`',
    '(`dist/consentry.schema.json`).',
    '',
    'Sections:',
    '',
    ...toc,
    '- [Definitions](#definitions): types shared by several fields',
    '',
    ...writer.sections,
    '## Definitions',
    '',
    ...definitions,
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n*$/, '\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  writeFileSync(CONFIG_DOCS_PATH, renderConfigDocs());
  console.log('wrote docs/config.md');
}
