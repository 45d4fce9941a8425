// Writes docs/api.md from the TypeScript sources: everything src/index.ts exports (functions, classes,
// interfaces, types) and the script tag's `window.Consentry` (src/loader/auto.ts), each with its JSDoc. Uses the
// TypeScript compiler API, so the reference says what the types say; a unit test regenerates this file and
// fails when the checked-in copy differs. Run: node scripts/docs-api.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

export const API_DOCS_PATH = new URL('../docs/api.md', import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const SCRIPT_ENTRY = fileURLToPath(new URL('../src/loader/auto.ts', import.meta.url));

/** Sections in reading order; an export lands in the first whose test it passes. */
const GROUPS = [
  { title: 'Functions', test: (d) => ts.isFunctionDeclaration(d) },
  { title: 'Classes', test: (d) => ts.isClassDeclaration(d) },
  { title: 'The consent instance', test: (_d, name) => ['Consent', 'Unsubscribe', 'UiView'].includes(name) },
  { title: 'Events', test: (_d, name) => /^Consent(Events|EventName)$|^UnclassifiedCookie$/.test(name) },
  { title: 'State and records', test: (_d, name) => /^(ConsentState|ConsentRecord|ConsentMethod|Choices|AgeGroup)$/.test(name) },
  { title: 'Settings (validated config)', test: (d) => /Settings$/.test(d.name?.text ?? '') },
  { title: 'Config types', test: (d) => d.getSourceFile().fileName.endsWith('config/types.ts') },
  { title: 'Other types', test: () => true },
];

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
const print = (node) => printer.printNode(ts.EmitHint.Unspecified, node, node.getSourceFile());

function createProgram() {
  const configPath = ts.findConfigFile(ROOT, ts.sys.fileExists, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  return ts.createProgram([ENTRY, SCRIPT_ENTRY], { ...options, noEmit: true });
}

function docOf(symbol, checker) {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  const tags = symbol.getJsDocTags(checker).map((tag) => `@${tag.name} ${ts.displayPartsToString(tag.text ?? [])}`.trim());
  return [text, ...tags].filter(Boolean).join('\n\n');
}

/** A declaration as it reads in TypeScript, without its body or comments. */
function signatureOf(declaration) {
  if (ts.isFunctionDeclaration(declaration)) {
    const copy = ts.factory.updateFunctionDeclaration(
      declaration,
      declaration.modifiers?.filter((m) => m.kind !== ts.SyntaxKind.ExportKeyword),
      declaration.asteriskToken,
      declaration.name,
      declaration.typeParameters,
      declaration.parameters,
      declaration.type,
      undefined,
    );
    return print(copy).replace(/;?$/, ';');
  }
  if (ts.isClassDeclaration(declaration)) {
    const members = declaration.members.filter(
      (member) => !member.modifiers?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword) && !member.name?.getText().startsWith('_'),
    );
    const lines = members.map((member) => {
      if (ts.isConstructorDeclaration(member)) return `  constructor(${member.parameters.map(print).join(', ')});`;
      if (ts.isPropertyDeclaration(member))
        return `  ${member.name.getText()}${member.questionToken ? '?' : ''}: ${member.type ? print(member.type) : 'unknown'};`;
      if (ts.isMethodDeclaration(member))
        return `  ${member.name.getText()}(${member.parameters.map(print).join(', ')}): ${member.type ? print(member.type) : 'void'};`;
      return `  ${print(member)}`;
    });
    const heritage = declaration.heritageClauses?.map((clause) => ' ' + print(clause)).join('') ?? '';
    return `class ${declaration.name.text}${heritage.replace(/^ +/, ' ')} {\n${lines.join('\n')}\n}`;
  }
  if (ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration)) {
    return print(declaration)
      .replace(/^export (declare )?/, '')
      .replace(/ {4}/g, '  ');
  }
  return print(declaration);
}

const oneLine = (text) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

/** The type of an interface member as one line: a property's type, or a method's signature. */
function memberType(member) {
  if (ts.isPropertySignature(member)) return member.type ? print(member.type) : 'unknown';
  if (ts.isMethodSignature(member)) {
    const typeParameters = member.typeParameters ? `<${member.typeParameters.map(print).join(', ')}>` : '';
    return `${typeParameters}(${member.parameters.map(print).join(', ')}) => ${member.type ? print(member.type) : 'void'}`;
  }
  return print(member);
}

/** Members of an interface, each with its type and JSDoc, as a table (when any member has JSDoc). */
function memberTable(declaration, checker) {
  if (!ts.isInterfaceDeclaration(declaration)) return '';
  const rows = [];
  let documented = false;
  for (const member of declaration.members) {
    if (!member.name) continue;
    const symbol = checker.getSymbolAtLocation(member.name);
    const doc = symbol ? docOf(symbol, checker) : '';
    documented ||= !!doc;
    const optional = member.questionToken ? ' (optional)' : '';
    rows.push(`| \`${member.name.getText()}\`${optional} | \`${oneLine(memberType(member))}\` | ${oneLine(doc)} |`);
  }
  return documented ? ['| Member | Type | Description |', '| --- | --- | --- |', ...rows].join('\n') : '';
}

function entriesOf(moduleFile, program, checker) {
  const module = checker.getSymbolAtLocation(program.getSourceFile(moduleFile));
  return checker.getExportsOfModule(module).map((exported) => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration =
      symbol.declarations.find((d) => !ts.isModuleDeclaration(d) && !ts.isVariableDeclaration(d)) ?? symbol.declarations[0];
    return { name: exported.name, symbol, declaration };
  });
}

function section(entry, checker, level = 3) {
  const { name, symbol, declaration } = entry;
  const doc = docOf(symbol, checker);
  const where = declaration.getSourceFile().fileName.slice(ROOT.length);
  const parts = [`${'#'.repeat(level)} ${name}`, '', '```ts', signatureOf(declaration), '```', ''];
  if (doc) parts.push(doc, '');
  const members = memberTable(declaration, checker);
  if (members) parts.push(members, '');
  parts.push(`Source: [${where}](../${where})`, '');
  return parts.join('\n');
}

/**
 * Reading order: the order of src/index.ts's export statements (so the entry point decides what comes
 * first), then the order of declarations inside each re-exported file.
 */
function exportRank(entry, entryFile, program) {
  const index = program.getSourceFile(entryFile);
  const declared = entry.declaration.getSourceFile().fileName.replace(/\.tsx?$/, '');
  const statement = index.statements.find((node) => {
    if (!ts.isExportDeclaration(node) || !node.moduleSpecifier) return false;
    const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements.map((e) => e.name.text) : null;
    const target = fileURLToPath(new URL(node.moduleSpecifier.text, pathToFileURL(entryFile)));
    return target === declared && (!named || named.includes(entry.name));
  });
  return [statement ? statement.pos : Infinity, entry.declaration.pos];
}

/** The whole of docs/api.md as text. */
export function renderApiDocs() {
  const program = createProgram();
  const checker = program.getTypeChecker();
  const ranked = entriesOf(ENTRY, program, checker).map((entry) => ({ entry, rank: exportRank(entry, ENTRY, program) }));
  ranked.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1]);
  // ConsentryGlobal is exported for its type, and documented once, under "Script tag".
  const entries = ranked.map(({ entry }) => entry).filter((entry) => entry.name !== 'ConsentryGlobal');
  const grouped = GROUPS.map((group) => ({ ...group, entries: [] }));
  for (const entry of entries) grouped.find((group) => group.test(entry.declaration, entry.name)).entries.push(entry);
  const global = entriesOf(SCRIPT_ENTRY, program, checker).filter((entry) => entry.name === 'ConsentryGlobal');
  if (global.length !== 1) throw new Error('docs-api: src/loader/auto.ts no longer exports ConsentryGlobal');

  const toc = grouped
    .filter((group) => group.entries.length)
    .map((group) => `- ${group.title}: ${group.entries.map((e) => `[${e.name}](#${e.name.toLowerCase()})`).join(', ')}`);

  return [
    '<!-- Generated by scripts/docs-api.mjs from the TypeScript sources. Do not edit: change the JSDoc and run `node scripts/docs-api.mjs`. -->',
    '',
    '# API reference',
    '',
    "Everything the npm package exports (`import { … } from 'consentry'`), and the script tag's global",
    '`window.Consentry`. Both are the same `Consent` object: what you can do with one you can do with the other.',
    'Events are listened to with `consent.on(name, listener)`, which returns a function that stops listening;',
    'the state is also a [nanostores](https://github.com/nanostores/nanostores) store, `consent.$state`, for',
    "any framework's subscription.",
    '',
    ...toc,
    '- Script tag: [ConsentryGlobal](#consentryglobal)',
    '',
    ...grouped
      .filter((group) => group.entries.length)
      .flatMap((group) => [`## ${group.title}`, '', ...group.entries.map((e) => section(e, checker))]),
    '## Script tag',
    '',
    'The script-tag build (`dist/consentry.min.js`) puts one instance on `window.Consentry`. Its type is declared',
    "with the package's types: any import from `consentry` brings it, and a project that only loads the script",
    "tag gets it with `import type {} from 'consentry/consentry.min.js'` (erased from the build).",
    '',
    section(global[0], checker),
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n*$/, '\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  writeFileSync(API_DOCS_PATH, renderApiDocs());
  console.log('wrote docs/api.md');
}
