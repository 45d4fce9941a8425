import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { ensureDist, ROOT } from './package-dist';

// The published types as a user's project sees them: a scratch project whose node_modules/consentry is this
// package (so imports resolve through package.json "exports", as after an install), compiled with the
// settings of a Vite app. `// @ts-expect-error` lines are checks too: one that finds no error is an error.

const quickStart = () => readFileSync(join(ROOT, 'docs/quick-start.md'), 'utf8');

/** The "realistic config" of docs/quick-start.md, which users copy: it has literal values such as "layout": "box". */
function quickStartConfig(): string {
  const block = quickStart().match(/### A realistic config[\s\S]*?```json\n([\s\S]*?)```/);
  if (!block) throw new Error('docs/quick-start.md has no json block under "### A realistic config"');
  return block[1];
}

/** A code block of docs/quick-start.md marked ```tsx quick-start=NAME (the marker is invisible once rendered). */
function quickStartSnippet(name: string): string {
  const block = quickStart().match(new RegExp('```tsx? quick-start=' + name + '\\n([\\s\\S]*?)```'));
  if (!block) throw new Error(`docs/quick-start.md has no block marked quick-start=${name}`);
  return block[1];
}

const project = mkdtempSync(join(tmpdir(), 'consentry-types-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

beforeAll(async () => {
  await ensureDist();
  mkdirSync(join(project, 'node_modules/@types'), { recursive: true });
  symlinkSync(ROOT, join(project, 'node_modules/consentry'), 'dir');
  // The frameworks of the quick start's snippets, as the user's project has them.
  for (const name of ['react', '@types/react', 'vue'])
    symlinkSync(join(ROOT, 'node_modules', name), join(project, 'node_modules', name), 'dir');
  writeFileSync(join(project, 'consentry.json'), quickStartConfig());
}, 120_000);

function typeErrors(files: { [name: string]: string }): string[] {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(project, name), text);
  const program = ts.createProgram({
    rootNames: Object.keys(files).map((name) => join(project, name)),
    options: {
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      resolveJsonModule: true,
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      jsx: ts.JsxEmit.ReactJSX,
      types: [],
    },
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${diagnostic.file.fileName.replace(project, '')}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start!).line + 1}: `
      : '';
    return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  });
}

describe('published types', () => {
  it('type a JSON config import through defineConfig(), whose literals JSON widens to string', { timeout: 60_000 }, () => {
    expect(JSON.parse(quickStartConfig()).ui.layout).toBe('box');
    const app = [
      "import { createConsent, defineConfig, type ConsentryConfig } from 'consentry';",
      "import config from './consentry.json';",
      'export const consent = createConsent(defineConfig(config));',
      '// @ts-expect-error without defineConfig: "layout" is a string, not one of the layouts',
      'createConsent(config);',
      '// @ts-expect-error a misspelled key is still caught',
      "defineConfig({ ui: { layot: 'box' } });",
      '// @ts-expect-error and so is a value of the wrong type',
      "defineConfig({ revision: '1' });",
      // The quick start's other path, for a config written in TypeScript: literal values checked at compile time.
      "const inline = { revision: 1, ui: { layout: 'box' } } satisfies ConsentryConfig;",
      'createConsent(inline);',
      '// @ts-expect-error not a layout',
      "void ({ ui: { layout: 'boxy' } } satisfies ConsentryConfig);",
    ].join('\n');
    expect(typeErrors({ 'app.ts': app })).toEqual([]);
  });

  it("type the quick start's React and Vue snippets", { timeout: 60_000 }, () => {
    expect(typeErrors({ 'react.tsx': quickStartSnippet('react'), 'vue.ts': quickStartSnippet('vue') })).toEqual([]);
  });

  it('accept the realistic config of the quick start without a warning', () => {
    const warnings: string[] = [];
    validateConfig(quickStartConfig(), (message) => warnings.push(message));
    expect(warnings).toEqual([]);
  });

  it('type window.Consentry for a project that imports only the script-tag file', { timeout: 60_000 }, () => {
    const page = [
      "import type {} from 'consentry/consentry.min.js';",
      'const api = window.Consentry;',
      'if (api) {',
      '  const version: string = api.version;',
      "  api.init({ ui: { layout: 'box' } });",
      "  api.on('change', ({ categories }) => console.log(version, categories.analytics));",
      "  const granted: boolean = api.isGranted('analytics');",
      '  // @ts-expect-error not part of the API',
      '  api.acceptEverything();',
      '}',
    ].join('\n');
    expect(typeErrors({ 'page.ts': page })).toEqual([]);
  });
});
