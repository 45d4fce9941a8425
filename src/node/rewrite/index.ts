/**
 * `consentry/rewrite` (Node): hold tracker tags in the HTML before the browser sees it, so not even the
 * preload scanner requests them. For Cloudflare Workers and other runtimes without Node built-ins, use
 * `consentry/rewrite/edge`.
 */
export { createRewriter, UNKNOWN_PAGE_URL, type Rewriter, type RewriterOptions } from './create-rewriter';
export { grantedFromCookieHeader, type RequestSignals } from './granted-from-cookie';
export { ESSENTIAL_ONLY, grantsOf, isGranted, type Grants } from './grants';
export { classifyUrl, type UrlClassifier } from './classify-url';
export { classifyUrlFull } from './classify-url-full';
export type { HeldTag } from './document-gate';
export { contextFromRequest, type DocumentContext, type HeaderSource, type RegionSource } from './document-context';
export type { HtmlEngine } from './html-engine';
export { rewriteMiddleware, type MiddlewareOptions } from './node-middleware';
export { createFastifyOnSend, fastifyRewrite, type FastifyOnSend } from './fastify';
export { consentryVitePlugin, type ConsentryVitePlugin, type VitePluginOptions } from './vite-plugin';
export { rewriteDirectory, type RewriteDirectoryOptions, type RewriteDirectoryResult } from './rewrite-directory';
export { createWorkerRewriter, type WorkerRewriterOptions } from './worker';
export { validateConfig } from '../../core/config/validate';
