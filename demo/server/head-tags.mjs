import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeHtml, scriptJson } from './escape-html.mjs';
import { fillTemplate } from './render-page.mjs';

/**
 * How a page boots consentry:
 * - `script`: the script-tag build, config fetched from /consent.json (every site page);
 * - `inline`: the script-tag build with an inline JSON config the playground may replace;
 * - `npm`: no script tag; the page's own module imports the npm build (the SPA).
 * @typedef {'script' | 'inline' | 'npm'} BootMode
 * @typedef {{
 *   mode: BootMode,
 *   region: string,
 *   gpc: boolean,
 *   config: unknown,
 *   pagesDir: string,
 *   moduleScript?: string,
 *   trackerVars: Record<string, string>,
 * }} HeadTagsOptions
 */

/** The npm build as one browser module (see bundle-sdk.mjs). */
export const IMPORT_MAP = `<script type="importmap">${scriptJson({ imports: { consentry: '/bundles/consentry.mjs' } })}</script>`;

/**
 * The template variables that put consentry and the simulated visitor signals into a page's head.
 * Order matters: the region <meta> and the GPC shim must exist before the synchronous loader reads them.
 * @param {HeadTagsOptions} options
 */
export async function headTags({ mode, region, gpc, config, pagesDir, moduleScript, trackerVars }) {
  const regionMeta = region ? `<meta name="consentry-region" content="${escapeHtml(region)}">` : '';
  const gpcScript = gpc ? '<script src="/assets/gpc.js"></script>' : '';
  let sdk = '';
  if (mode === 'script') sdk = '<script src="/dist/consentry.min.js" data-config="/consent.json"></script>';
  if (mode === 'inline') {
    sdk = [
      `<script type="application/json" id="consentry-config">${scriptJson(config)}</script>`,
      '<script src="/assets/playground-config.js"></script>',
      '<script src="/dist/consentry.min.js"></script>',
    ].join('\n');
  }
  return {
    REGION_META: regionMeta,
    GPC_SCRIPT: gpcScript,
    SDK: sdk,
    HEAD_EXTRA: moduleScript ? IMPORT_MAP : '',
    GLOBAL_TAGS: mode === 'npm' ? '' : fillTemplate(await readFile(join(pagesDir, 'global-tags.html'), 'utf8'), trackerVars, {}),
    BODY_END: moduleScript ? `<script type="module" src="${escapeHtml(moduleScript)}"></script>` : '',
  };
}
