#!/usr/bin/env node
/**
 * What the npm build adds to an app, measured as a user's bundler makes it: esbuild bundles
 * `import { createConsent } from 'consentry'` from this checkout's dist/ (resolved through package.json
 * "exports", as after an install), minified, ES modules, gzip -9:
 *   - start:   the entry and every chunk it imports statically (code splitting on): downloaded on every page;
 *   - ui:      what the banner's dynamic import adds when the banner or dialog is shown;
 *   - unsplit: the one file esbuild makes without code splitting.
 * docs/quick-start.md states these figures; tests/unit/npm-size.test.ts keeps them in step with the build.
 *
 *   node scripts/npm-size.mjs      (after npm run build) prints them
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const APP = "import { createConsent } from 'consentry';\ncreateConsent({ revision: 1 });\n";

/** @returns {Promise<{ start: number, ui: number, unsplit: number }>} bytes, gzip -9 */
export async function measureNpmBuild() {
  const project = mkdtempSync(join(tmpdir(), 'consentry-npm-size-'));
  try {
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(REPO, join(project, 'node_modules/consentry'), 'dir');
    writeFileSync(join(project, 'app.js'), APP);
    const bundle = (splitting) =>
      build({
        absWorkingDir: project, // metafile paths are relative to it
        entryPoints: ['app.js'],
        bundle: true,
        minify: true,
        format: 'esm',
        splitting,
        outdir: 'out',
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
    const split = await bundle(true);
    const gzipped = new Map(split.outputFiles.map((file) => [file.path, gzipSync(file.contents, { level: 9 }).length]));
    const outputs = split.metafile.outputs;
    const absolute = (path) => join(project, path);
    /** A chunk and every chunk it imports statically, as absolute paths. */
    const closure = (path, seen = new Set()) => {
      if (seen.has(path)) return seen;
      seen.add(path);
      for (const imported of outputs[path].imports) if (imported.kind === 'import-statement') closure(imported.path, seen);
      return seen;
    };
    const sum = (paths) => [...paths].reduce((total, path) => total + gzipped.get(absolute(path)), 0);
    // Each dynamically imported chunk is an entry point too: the app's own is the one from app.js.
    const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint === 'app.js');
    const uiChunk = Object.keys(outputs).find((path) => /\/ui-[^/]*\.js$/.test(path));
    if (!entry || !uiChunk) throw new Error('npm-size: esbuild made no entry or no ui chunk: ' + Object.keys(outputs).join(', '));
    const start = closure(entry);
    const ui = [...closure(uiChunk)].filter((path) => !start.has(path));
    const unsplit = await bundle(false);
    return { start: sum(start), ui: sum(ui), unsplit: gzipSync(unsplit.outputFiles[0].contents, { level: 9 }).length };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const kb = (bytes) => (bytes / 1024).toFixed(1) + ' KB';
  const { start, ui, unsplit } = await measureNpmBuild();
  console.log(
    `npm build with esbuild (minified, gzip -9): ${kb(start)} at start, ${kb(ui)} more for the UI, ${kb(unsplit)} without splitting`,
  );
}
