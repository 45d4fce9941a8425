/**
 * consentry at the edge: a Cloudflare Worker in front of the site that holds tracker tags in every HTML
 * response before it reaches the browser, so not even the preload scanner requests them. Visitors whose
 * consent cookie grants a category get its tags untouched.
 *
 *   npx wrangler deploy        (route it in front of your site in wrangler.toml)
 */
import { createWorkerRewriter, validateConfig } from 'consentry/rewrite/edge';
import config from './consentry.json';

const rewrite = createWorkerRewriter({
  // The same config the page's <script> gets: same rules, same cookie, same regions.
  settings: validateConfig(config),
});

export default {
  async fetch(request: Request): Promise<Response> {
    return rewrite(request, await fetch(request));
  },
};
