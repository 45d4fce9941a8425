import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import SHARED_MODULES from '../../src/loader/shared-modules.json';

/**
 * The house rule of docs/architecture.md, read from the imports themselves: each folder under src/ is a
 * delivery unit, and a unit may take code only from the units (or the single faces) listed here. Type-only
 * imports are exempt: they ship no bytes and cannot pull code into another file.
 */
const SRC = resolve(__dirname, '../../src');

/** unit → what its value imports may reach: whole units, or single files (a face). */
const ALLOWED: Record<string, string[]> = {
  // Pure, no DOM: importable by the browser files and by Node alike.
  core: ['core'],
  // consentry.min.js. It asks the IAB file's face whether a config needs that file before fetching it.
  loader: ['core', 'loader', 'iab/iab-parts.ts'],
  // The lazy choice code. It takes the modules the loader shares at run time through the face (the build turns
  // those imports into reads of the loader's shared object, so they are not downloaded twice).
  parts: [
    'core',
    'parts',
    'loader/face.ts',
    ...Object.keys(SHARED_MODULES)
      .filter((m) => m.startsWith('src/loader/'))
      .map((m) => m.slice('src/'.length) + '.ts'),
    // Not shared: the parts carry their own copy (a few hundred bytes), as the reopen button and the
    // choice actions both remember a pack's page texts. Sharing it would cost the loader its export.
    'loader/remembered-texts.ts',
  ],
  ui: ['core', 'ui'],
  // TCF and GPP are integrations: they get the integration contract, nothing else of the loader.
  iab: ['core', 'iab', 'loader/effects/integrations/contract.ts'],
  // The npm build puts the browser units together; it is the only unit that may.
  npm: ['core', 'loader', 'parts', 'ui', 'iab', 'npm'],
  node: ['core', 'node'],
  // src/index.ts is the npm package's face.
  'index.ts': ['core', 'npm', 'iab/tcf-source.ts'],
};

/**
 * Entry files that put two units into one shipped file, with what they may add to their unit's list: the
 * UI chunk carries the choice core (recording a choice) so a visitor shown the banner fetches one file.
 */
const ENTRY_ALLOWED: Record<string, string[]> = {
  'ui/script-entry.ts': ['parts/choice-parts.ts', 'parts/same-release.ts'],
};

/** Runtime packages each unit may import (core imports none: it must run anywhere). */
const PACKAGES: Record<string, RegExp> = {
  core: /^$/,
  loader: /^nanostores$/,
  parts: /^(js-cookie|nanostores)$/,
  ui: /^(preact|preact\/.*)$/,
  iab: /^$/,
  npm: /^(preact|preact\/.*|nanostores)$/,
  node: /^(node:.*|parse5|parse5-.*|acorn|@sveltejs\/acorn-typescript|pg|@electric-sql\/pglite|playwright-core|esbuild)$/,
  'index.ts': /^$/,
};

/** Browser globals a core module must not touch. */
const DOM_GLOBALS = new Set(['document', 'window', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB', 'history']);

const unitOf = (path: string): string => (path.includes('/') ? path.split('/')[0] : path);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string {
  const base = posix.normalize(posix.join(posix.dirname(from), spec));
  for (const candidate of [base, base + '.ts', base + '.tsx', base + '/index.ts']) {
    try {
      if (statSync(join(SRC, candidate)).isFile()) return candidate;
    } catch {
      // try the next form
    }
  }
  throw new Error(`${from}: cannot resolve ${spec}`);
}

interface Import {
  file: string;
  spec: string;
  typeOnly: boolean;
}

function importsOf(file: string, source: ts.SourceFile): Import[] {
  const found: Import[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      found.push({ file, spec: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ file, spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0])) {
      found.push({ file, spec: node.arguments[0].text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Free uses of DOM globals (not property names, not types). */
function domGlobalsIn(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTypeNode(node)) return;
    if (ts.isIdentifier(node) && DOM_GLOBALS.has(node.text)) {
      const parent = node.parent;
      const isName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) && parent.name === node);
      if (!isName) found.push(`${node.text} (line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = sourceFiles(SRC).map((path) => relative(SRC, path).split('\\').join('/'));
const parsed = files.map((file) => ({
  file,
  source: ts.createSourceFile(file, readFileSync(join(SRC, file), 'utf8'), ts.ScriptTarget.Latest, true),
}));

describe('the house rule (docs/architecture.md)', () => {
  it('puts every source file in a known unit', () => {
    const unknown = files.map(unitOf).filter((unit) => !(unit in ALLOWED) && unit !== 'env.d.ts');
    expect([...new Set(unknown)]).toEqual([]);
  });

  it('lets each unit import only the units and faces it is allowed to use', () => {
    const broken: string[] = [];
    for (const { file, source } of parsed) {
      const unit = unitOf(file);
      for (const { spec, typeOnly } of importsOf(file, source)) {
        if (!spec.startsWith('.')) {
          if (!typeOnly && !PACKAGES[unit]?.test(spec)) broken.push(`${file} imports the package ${spec}`);
          continue;
        }
        if (typeOnly) continue;
        const target = resolveImport(file, spec);
        const allowed = [...ALLOWED[unit], ...(ENTRY_ALLOWED[file] || [])].some((entry) =>
          entry.includes('.') ? target === entry : unitOf(target) === entry,
        );
        if (!allowed) broken.push(`${file} imports ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('keeps core free of the DOM', () => {
    const broken = parsed
      .filter(({ file }) => unitOf(file) === 'core')
      .flatMap(({ file, source }) => domGlobalsIn(source).map((use) => `${file}: ${use}`));
    expect(broken).toEqual([]);
  });

  it('fails on a forbidden import (the rule can fail)', () => {
    const source = ts.createSourceFile('core/x.ts', "import { createRuntime } from '../loader/runtime';", ts.ScriptTarget.Latest, true);
    const [{ spec }] = importsOf('core/x.ts', source);
    const target = resolveImport('core/x.ts', spec);
    expect(ALLOWED.core.some((entry) => unitOf(target) === entry)).toBe(false);
    const dom = ts.createSourceFile(
      'core/y.ts',
      'export const here = () => location.href; type T = { window: 1 };',
      ts.ScriptTarget.Latest,
      true,
    );
    expect(domGlobalsIn(dom)).toEqual(['location (line 1)']);
  });
});
