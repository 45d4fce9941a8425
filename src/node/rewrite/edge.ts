/**
 * `consentry/rewrite/edge`: the Cloudflare Worker adapter on the platform's HTMLRewriter, with no Node
 * built-ins in its graph (parse5's stream is Node-only).
 */
export { createWorkerRewriter, type WorkerRewriterOptions } from './worker';
export { grantedFromCookieHeader, type RequestSignals } from './granted-from-cookie';
export { ESSENTIAL_ONLY, grantsOf, isGranted, type Grants } from './grants';
export { classifyUrl, type UrlClassifier } from './classify-url';
export type { HeldTag } from './document-gate';
export type { DocumentContext, RegionSource } from './document-context';
export { validateConfig } from '../../core/config/validate';
