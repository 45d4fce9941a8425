import { readFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';
import PACK_NAMES from './src/loader/language-packs.json' with { type: 'json' };
import SHARED_MODULES from './src/loader/shared-modules.json' with { type: 'json' };

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const banner = `/*! consentry v${pkg.version} | MIT License | bundles preact, nanostores, js-cookie (MIT) and data from the Open Cookie Database (Apache-2.0) and v2fly domain-list-community (MIT): see THIRD_PARTY_NOTICES */`;

/** Node-side files carry other third-party code than the browser files: say which, and where the licences are. */
const DATA = 'data from the Open Cookie Database (Apache-2.0) and v2fly domain-list-community (MIT)';
const rewriteBanner = `/*! consentry v${pkg.version} | MIT License | bundles parse5 (MIT), entities (BSD-2-Clause) and ${DATA}: see THIRD_PARTY_NOTICES */`;
const cliBanner = `/*! consentry v${pkg.version} | MIT License | bundles acorn (MIT), @sveltejs/acorn-typescript (MIT) and ${DATA}: see THIRD_PARTY_NOTICES */`;

const typescript = () =>
  esbuild({
    target: 'es2021',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { __VERSION__: JSON.stringify(pkg.version) },
    tsconfig: 'tsconfig.json',
    // Lists that the build reads too (src/loader/language-packs.json, src/loader/shared-modules.json).
    loaders: { '.json': 'json' },
  });

// Private fields are `_`-prefixed and mangled; anything crossing a file boundary (the UI context, the
// registries on globalThis) uses public names, so separately built files still agree.
const minify = () =>
  terser({
    ecma: 2020,
    compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true },
    mangle: { properties: { regex: /^_[a-z]/ } },
    format: { comments: /^!/ },
  });

// Dependencies' development checks (nanostores) read process.env, which browsers do not have.
const production = () => ({
  name: 'production',
  transform: (code) =>
    code.includes('process.env.NODE_ENV') ? { code: code.replaceAll('process.env.NODE_ENV', '"production"'), map: null } : null,
});

/** A file the browser loads by script tag, minified as released (also used by bench/floor.mjs). */
export const browserScript = (input, file, options = {}, plugins = []) => ({
  input,
  output: { file, format: 'iife', banner, plugins: [minify()], ...options },
  plugins: [...plugins, nodeResolve({ browser: true }), production(), typescript()],
});

/**
 * The parts file takes the modules the loader shares (src/loader/face.ts, listed by path with their exported
 * names in src/loader/shared-modules.json) from the loader at run time instead of carrying copies: their imports
 * become reads of `__consentryShared`. A name the loader does not share would read undefined in the browser,
 * and a listed module that no longer exists would silently be copied again, so the build stops on either.
 */
const sharedFromLoader = () => {
  const shared = new Set(Object.values(SHARED_MODULES).flat());
  const modules = Object.keys(SHARED_MODULES);
  const root = new URL('./', import.meta.url).pathname;
  return {
    name: 'shared-from-loader',
    async buildStart() {
      for (const module of modules)
        if (!(await this.resolve('./' + module, root + 'index.ts')))
          this.error(`src/loader/shared-modules.json lists ${module}, which does not exist`);
    },
    async resolveId(id, importer, options) {
      if (!importer || !id.startsWith('.')) return null;
      const resolved = await this.resolve(id, importer, { ...options, skipSelf: true });
      const path = resolved?.id.startsWith(root) && resolved.id.slice(root.length).replace(/\.tsx?$/, '');
      return path && modules.includes(path) ? { id: 'consentry-shared:' + path, external: true } : null;
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        for (const [module, names] of Object.entries(chunk.importedBindings || {})) {
          const missing = names.filter((name) => !shared.has(name));
          if (missing.length)
            this.error(`${chunk.fileName} imports ${missing.join(', ')} from ${module}, which src/loader/face.ts does not share`);
        }
      }
    },
  };
};

/**
 * The CLI's `rewrite` command imports the rewriter's public entry (src/node/rewrite/index.ts): in the built CLI
 * that import is dist/rewrite.mjs, built beside it, so parse5 is in the package once. Only the command's
 * own chunk (dist/cli/rewrite-command.mjs) imports it, hence the path from dist/cli/.
 */
const REWRITE_BUILD = 'consentry-rewrite-build';
const rewriteFromPackage = () => {
  const entry = new URL('./src/node/rewrite/index.ts', import.meta.url).pathname;
  return {
    name: 'rewrite-from-package',
    async resolveId(id, importer, options) {
      if (!importer || !id.startsWith('.')) return null;
      const resolved = await this.resolve(id, importer, { ...options, skipSelf: true });
      return resolved?.id === entry ? { id: REWRITE_BUILD, external: true } : null;
    },
    renderChunk(_code, chunk) {
      // `imports` holds the rendered path by now.
      if (chunk.imports.includes('../rewrite.mjs') && chunk.fileName != 'cli/rewrite-command.mjs')
        this.error(`${chunk.fileName} imports the rewriter, whose path is set for dist/cli/rewrite-command.mjs only`);
      return null;
    },
  };
};

/**
 * A pack's texts in PACK_KEYS order (src/core/texts/pack-values.ts), worked out at build time with the same
 * code the tests check: the pack file then carries its texts without their key names.
 */
const packValues = async (lang) => {
  const { build } = await import('esbuild');
  const source = (file) => JSON.stringify(new URL(`./src/core/texts/${file}`, import.meta.url).pathname);
  const { outputFiles } = await build({
    stdin: {
      contents: `import pack from ${source(`packs/${lang}.ts`)};\nimport { packToValues } from ${source('pack-values.ts')};\nexport default packToValues(pack);`,
      loader: 'ts',
      resolveDir: new URL('.', import.meta.url).pathname,
    },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const code = Buffer.from(outputFiles[0].contents).toString('base64');
  return (await import(`data:text/javascript;base64,${code}`)).default;
};

/** Each language pack as its own file that registers its texts for the loader to pick up. */
const packEntry = (lang) => ({
  input: `\0pack:${lang}`,
  // Without "use strict" (one assignment does not need it) terser also drops the function around it.
  output: { file: `dist/i18n/${lang}.min.js`, format: 'iife', strict: false, plugins: [minify()] },
  plugins: [
    {
      name: 'language-pack-entry',
      resolveId: (id) => (id === `\0pack:${lang}` ? id : null),
      async load(id) {
        if (id !== `\0pack:${lang}`) return null;
        for (const file of [`packs/${lang}.ts`, 'pack-keys.ts', 'pack-values.ts'])
          this.addWatchFile(new URL(`./src/core/texts/${file}`, import.meta.url).pathname);
        // A missing text is an empty slot (`[a,,c]`), which the UI leaves to English.
        const values = (await packValues(lang)).map((text) => (text === undefined ? '' : JSON.stringify(text)));
        return `(globalThis.__consentryLang ||= {})[${JSON.stringify(lang)}] = [${values.join(',')}];`;
      },
    },
  ],
});

/**
 * Types for the script-tag file (`consentry/consentry.min.js` in exports): it exports nothing and sets
 * `window.Consentry`, whose `Window` declaration is in consentry.d.ts. Re-exporting from that file is what
 * makes the declaration visible: `import type {} from 'consentry/consentry.min.js'` types `window.Consentry`
 * in a project that only loads the script tag (tests/unit/types-published.test.ts).
 */
const scriptTagTypes = () => ({
  name: 'script-tag-types',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'consentry.min.d.ts',
      source:
        '// The script-tag build sets window.Consentry (typed in consentry.d.ts as Window["Consentry"]).\n' +
        "export type { ConsentryGlobal } from './consentry.js';\n",
    });
  },
});

/**
 * The npm build's chunks by name: everything src/index.ts imports statically is `chunks/core.mjs`, which
 * dist/consentry.mjs re-exports; what it imports only dynamically (the UI, each language pack, the GPP part)
 * gets a chunk named after its entry module (`chunks/ui.mjs`, `chunks/de.mjs`, `chunks/gpp.mjs`).
 * tests/unit/package-files.test.ts checks what each of them holds.
 */
const coreChunk = (entry) => {
  let core;
  return (id, { getModuleInfo }) => {
    if (!core) {
      core = new Set();
      const walk = (module) => {
        if (core.has(module)) return;
        core.add(module);
        for (const imported of getModuleInfo(module)?.importedIds ?? []) walk(imported);
      };
      walk(entry);
      core.delete(entry);
    }
    return core.has(id) ? 'core' : undefined;
  };
};

export default [
  // npm: ESM with the UI and language packs split into lazily imported chunks.
  {
    input: { consentry: 'src/index.ts' },
    external: [/^preact/, /^nanostores/, /^js-cookie/],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].mjs',
      chunkFileNames: 'chunks/[name].mjs',
      manualChunks: coreChunk(new URL('./src/index.ts', import.meta.url).pathname),
      banner,
    },
    plugins: [typescript()],
  },
  { input: 'src/index.ts', output: { file: 'dist/consentry.d.ts', format: 'es' }, plugins: [dts(), scriptTagTypes()] },
  // Server side: the HTML rewriter for Node (parse5 bundled in, so it works with nothing else installed)
  // and for edge runtimes.
  {
    input: 'src/node/rewrite/index.ts',
    external: [/^node:/],
    output: { file: 'dist/rewrite.mjs', format: 'es', banner: rewriteBanner },
    plugins: [nodeResolve({ preferBuiltins: true }), typescript()],
  },
  {
    input: 'src/node/rewrite/index.ts',
    external: [/^parse5/, /^node:/],
    output: { file: 'dist/rewrite.d.ts', format: 'es' },
    plugins: [dts()],
  },
  {
    input: 'src/node/rewrite/edge.ts',
    output: { file: 'dist/rewrite-edge.mjs', format: 'es', banner },
    plugins: [nodeResolve({ browser: true }), typescript()],
  },
  { input: 'src/node/rewrite/edge.ts', output: { file: 'dist/rewrite-edge.d.ts', format: 'es' }, plugins: [dts()] },
  // Server side: the consent log service. Its database drivers (pg, @electric-sql/pglite) are optional peer
  // dependencies loaded at run time, never bundled.
  {
    input: 'src/node/receipts/index.ts',
    external: [/^node:/, /^pg$/, /^@electric-sql\/pglite/],
    output: { file: 'dist/receipts.mjs', format: 'es', banner },
    plugins: [typescript()],
  },
  {
    input: 'src/node/receipts/index.ts',
    external: [/^node:/, /^pg$/, /^@electric-sql\/pglite/],
    output: { file: 'dist/receipts.d.ts', format: 'es' },
    plugins: [dts()],
  },
  // The `consentry` command for Node. acorn (migrate) is bundled into the chunk of the command that uses
  // it, parse5 comes with dist/rewrite.mjs; only scan and check need something installed: playwright-core
  // and Chromium.
  {
    input: 'src/node/cli/bin-entry.ts',
    external: [/^playwright-core/, /^node:/],
    output: {
      dir: 'dist',
      entryFileNames: 'cli.mjs',
      chunkFileNames: (chunk) => `cli/${chunk.name === 'cli' ? 'migrate' : chunk.name}.mjs`,
      paths: { [REWRITE_BUILD]: '../rewrite.mjs' },
      format: 'es',
      banner: '#!/usr/bin/env node\n' + cliBanner,
    },
    plugins: [rewriteFromPackage(), nodeResolve({ preferBuiltins: true }), typescript()],
  },
  // Script tag: the synchronous loader, and the UI it fetches only when it must be shown.
  browserScript('src/loader/auto.ts', 'dist/consentry.min.js'),
  browserScript('src/parts/parts-entry.ts', 'dist/consentry-parts.min.js', { globals: () => '__consentryShared' }, [sharedFromLoader()]),
  // The UI chunk carries the choice core too (one request for a first visit), sharing the loader's modules.
  browserScript('src/ui/script-entry.ts', 'dist/consentry-ui.min.js', { globals: () => '__consentryShared' }, [sharedFromLoader()]),
  browserScript('src/iab/gpp/script-entry.ts', 'dist/consentry-gpp.min.js'),
  ...PACK_NAMES.map(packEntry),
];
