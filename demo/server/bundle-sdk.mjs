import { stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * The npm build (`dist/consentry.mjs`) bundled for the browser the way an SPA's bundler would do it:
 * its dependencies (preact, nanostores, js-cookie) resolved, its lazy UI and language chunks kept as
 * separate files. Pages reach it through an import map (`"consentry": "/bundles/consentry.mjs"`), so
 * their code reads `import … from 'consentry'`. Rebuilt when dist/consentry.mjs changes.
 *
 * @param {{ entry: string, root: string }} options
 */
export function createSdkBundler({ entry, root }) {
  // Never written: esbuild only needs an output folder to name the files it returns.
  const outdir = join(root, '.demo-bundles');
  /** @type {{ mtime: number, files: Map<string, string> } | null} */
  let cached = null;

  /** @returns {Promise<{ ok: true, files: Map<string, string> } | { ok: false, error: string }>} */
  async function build() {
    let mtime;
    try {
      mtime = (await stat(entry)).mtimeMs;
    } catch {
      return { ok: false, error: `${entry} does not exist: run "npm run build" first.` };
    }
    if (cached && cached.mtime === mtime) return { ok: true, files: cached.files };
    try {
      const esbuild = await import('esbuild');
      const result = await esbuild.build({
        entryPoints: { consentry: entry },
        absWorkingDir: root,
        // The build may live outside the repo (CONSENTRY_DEMO_DIST); its dependencies are the repo's.
        nodePaths: [join(root, 'node_modules')],
        bundle: true,
        splitting: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2020',
        outdir,
        outExtension: { '.js': '.mjs' },
        chunkNames: 'chunks/[name]-[hash]',
        write: false,
        logLevel: 'silent',
        legalComments: 'none',
      });
      const files = new Map(result.outputFiles.map((file) => [relative(outdir, file.path).split(sep).join('/'), file.text]));
      cached = { mtime, files };
      return { ok: true, files };
    } catch (error) {
      return { ok: false, error: `Could not bundle ${entry}: ${error instanceof Error ? error.message : error}` };
    }
  }

  return {
    /**
     * One file of the bundle by its path under /bundles/ ("consentry.mjs", "chunks/ui-XXXX.mjs").
     * @param {string} name
     * @returns {Promise<{ ok: true, code: string } | { ok: false, status: number, error: string }>}
     */
    async file(name) {
      const bundle = await build();
      if (!bundle.ok) return { ok: false, status: 503, error: bundle.error };
      const code = bundle.files.get(name);
      return code === undefined ? { ok: false, status: 404, error: `No bundle file ${name}` } : { ok: true, code };
    },
  };
}
