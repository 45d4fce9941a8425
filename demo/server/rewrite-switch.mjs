import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @typedef {'on' | 'off' | 'unavailable'} RewriteMode
 * @typedef {{
 *   distDir: string,
 *   configText: () => Promise<string>,
 *   defaultOn: boolean,
 * }} RewriteSwitchOptions
 */

/** `?rewrite=1` / `?rewrite=0` on a page URL overrides the server's default for that page view. */
export const REWRITE_PARAM = 'rewrite';

/**
 * The demo's switch for serving pages through consentry's HTML rewriter (dist/rewrite.mjs), so the
 * live panel shows the difference: unmarked tracker tags held on the server, before the browser's
 * preload scanner can request them. The build is imported on first use, so the demo still starts
 * (and says "unavailable") when dist/ is missing.
 * @param {RewriteSwitchOptions} options
 */
export function createRewriteSwitch({ distDir, configText, defaultOn }) {
  /** @type {Promise<Function | null> | null} */
  let middleware = null;
  // The simulated region comes from the URL or a demo cookie, which the rewriter's region hook (it sees
  // headers only) cannot read; it is handed over per request, keyed by the request's headers object.
  /** @type {WeakMap<object, string>} */
  const regions = new WeakMap();

  async function load() {
    try {
      const rewrite = await import(pathToFileURL(join(distDir, 'rewrite.mjs')).href);
      const settings = rewrite.validateConfig(JSON.parse(await configText()));
      return rewrite.rewriteMiddleware({ settings, region: (/** @type {object} */ headers) => regions.get(headers) || null });
    } catch {
      return null;
    }
  }

  return {
    /** @param {URL} url */
    wanted(url) {
      const value = url.searchParams.get(REWRITE_PARAM);
      return value === '1' ? true : value === '0' ? false : defaultOn;
    },

    /**
     * Installs the rewriter on this response when it is wanted; the page written afterwards goes
     * through it. Returns the mode the page should report.
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     * @param {URL} url
     * @param {{ region: string, gpc: boolean }} signals the simulated visitor signals
     * @returns {Promise<RewriteMode>}
     */
    async apply(req, res, url, signals) {
      if (!this.wanted(url)) return 'off';
      const rewriter = await (middleware ||= load());
      if (!rewriter) {
        middleware = null; // try again on the next page view: the build may have been made since
        return 'unavailable';
      }
      regions.set(req.headers, signals.region);
      // A browser with Global Privacy Control on sends this header; the demo simulates GPC in the page,
      // so the server-side decision is told the same thing the page's runtime is.
      if (signals.gpc) req.headers['sec-gpc'] = '1';
      rewriter(req, res, () => {});
      return 'on';
    },
  };
}
