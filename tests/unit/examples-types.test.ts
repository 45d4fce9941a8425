import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDist, ROOT } from './package-dist';

// The examples' TypeScript, checked with each example's own tsconfig.json against the package's published types
// (dist/consentry.d.ts), as a user who copies an example would compile it. Vue and Svelte components are not
// TypeScript files: their composable and store modules are checked here, the components run in the e2e test.

const EXAMPLES: { name: string; dir: string; files: RegExp }[] = [
  { name: 'react-vite', dir: 'src', files: /\.tsx?$/ },
  { name: 'nextjs', dir: 'app', files: /\.tsx?$/ },
  { name: 'vue', dir: 'src', files: /^(?!main\.ts$).+\.ts$/ },
  { name: 'svelte', dir: 'src', files: /^(?!main\.ts$).+\.ts$/ },
];

function typeErrors(name: string, dir: string, files: RegExp): string[] {
  const root = join(ROOT, 'examples', name);
  const { config } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
  const rootNames = readdirSync(join(root, dir))
    .filter((file) => files.test(file))
    .map((file) => join(root, dir, file));
  if (!rootNames.length) return [`no TypeScript file in examples/${name}/${dir}`];
  const program = ts.createProgram({
    rootNames,
    options: { ...options, noEmit: true, incremental: false, paths: { consentry: [join(ROOT, 'dist/consentry.d.ts')] } },
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${diagnostic.file.fileName.replace(ROOT, '')}: ` : '';
    return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  });
}

beforeAll(() => ensureDist(), 120_000);

describe('the examples type-check', () => {
  it.each(EXAMPLES.map((example) => [example.name, example] as const))(
    'examples/%s',
    (name, { dir, files }) => {
      expect(typeErrors(name, dir, files)).toEqual([]);
    },
    60_000,
  );
});
