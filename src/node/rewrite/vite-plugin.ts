import { createRewriter, type RewriterOptions } from './create-rewriter';

export interface VitePluginOptions extends Omit<RewriterOptions, 'grantedCategories'> {
  /** The site's URL, so its own absolute URLs count as its own. Default: unknown (relative URLs are own). */
  siteUrl?: string;
}

/** The subset of Vite's Plugin interface used here (`transformIndexHtml`, Vite 4+). */
export interface ConsentryVitePlugin {
  name: string;
  enforce: 'post';
  transformIndexHtml: { order: 'post'; handler(html: string, context: { path: string }): string };
}

/**
 * Vite plugin: every HTML page Vite emits (and serves in dev) comes out with its tracker tags held.
 * A build has no visitor, so this is the always-rewrite mode: granted visitors' tags are activated by the
 * runtime gate at once instead of by the browser's parser. Runs last, after other plugins injected tags.
 */
export function consentryVitePlugin(options: VitePluginOptions): ConsentryVitePlugin {
  const rewriter = createRewriter({ ...options, grantedCategories: [] });
  return {
    name: 'consentry-rewrite',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) =>
        rewriter.rewrite(html, { url: options.siteUrl ? new URL(context.path || '/', options.siteUrl).href : undefined }),
    },
  };
}
