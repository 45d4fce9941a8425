import { stat } from 'node:fs/promises';

/**
 * The npm build (`dist/consentry.mjs`) as one browser module, its dependencies (preact, nanostores,
 * js-cookie) resolved the way an SPA's bundler would. Pages reach it through an import map
 * (`"consentry": "/bundles/consentry.mjs"`), so their code reads `import … from 'consentry'`.
 * Rebuilt when dist/consentry.mjs changes.
 *
 * @param {{ entry: string, root: string }} options
 */
export function createSdkBundler({ entry, root }) {
  /** @type {{ mtime: number, code: string } | null} */
  let cached = null;
  return {
    /** @returns {Promise<{ ok: true, code: string } | { ok: false, error: string }>} */
    async build() {
      let mtime;
      try {
        mtime = (await stat(entry)).mtimeMs;
      } catch {
        return { ok: false, error: `${entry} does not exist: run "npm run build" first.` };
      }
      if (cached && cached.mtime === mtime) return { ok: true, code: cached.code };
      try {
        const esbuild = await import('esbuild');
        const result = await esbuild.build({
          entryPoints: [entry],
          absWorkingDir: root,
          bundle: true,
          format: 'esm',
          platform: 'browser',
          target: 'es2020',
          write: false,
          logLevel: 'silent',
          legalComments: 'none',
        });
        cached = { mtime, code: result.outputFiles[0].text };
        return { ok: true, code: cached.code };
      } catch (error) {
        return { ok: false, error: `Could not bundle ${entry}: ${error instanceof Error ? error.message : error}` };
      }
    },
  };
}
