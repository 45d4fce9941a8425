// Writes src/core/config/schema.json from the config spec (src/core/config/spec.ts) and the annotation table
// (src/node/config-schema/annotations.json). The spec is bundled with its `./checks` import pointed at the
// describing combinators (src/node/config-schema/describe-checks.ts), so the same source that validates in
// the browser states the schema's structure; tests/unit/config-schema.test.ts fails when the checked-in file
// differs from what this makes. Run: node scripts/schema.mjs (part of `npm run docs`)
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const SCHEMA_PATH = new URL('../src/core/config/schema.json', import.meta.url);
const GENERATOR = fileURLToPath(new URL('../src/node/config-schema/config-schema.ts', import.meta.url));
const SPEC = fileURLToPath(new URL('../src/core/config/spec.ts', import.meta.url));
const DESCRIBE = fileURLToPath(new URL('../src/node/config-schema/describe-checks.ts', import.meta.url));

/** The spec's `./checks`, and only the spec's, becomes the describing kit. */
const describing = {
  name: 'describing-checks',
  setup(bundle) {
    bundle.onResolve({ filter: /^\.\/checks$/ }, (args) => (args.importer == SPEC ? { path: DESCRIBE } : undefined));
  },
};

/** schema.json's text, as the generator makes it. */
export async function renderSchema() {
  const result = await build({
    entryPoints: [GENERATOR],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
    metafile: true,
    plugins: [describing],
  });
  if (Object.keys(result.metafile.inputs).some((input) => input.endsWith('src/core/config/checks.ts')))
    throw new Error('scripts/schema.mjs: the browser checks got into the describing bundle');
  const source = result.outputFiles[0].text;
  const { configSchema } = await import('data:text/javascript;base64,' + Buffer.from(source).toString('base64'));
  return JSON.stringify(configSchema(), null, 2) + '\n';
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  writeFileSync(SCHEMA_PATH, await renderSchema());
  console.log('wrote src/core/config/schema.json');
}
