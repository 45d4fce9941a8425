/**
 * Script-tag build of the loader's lazy parts (dist/consentry-parts.min.js): the config validator, needed
 * only when the cache of validated settings misses (a first visit, a changed config), and the code that
 * asks and stores a choice or cleans up after a withdrawal. Apart from the UI chunk, so a UI that fails to
 * load never costs a visitor their choice.
 */
import { validateConfig } from '../core/config/validate';
import { choiceParts } from './choice-parts';

// This file takes part of its code from the loader that fetched it (src/loader/face.ts): a loader of
// another release (a stale CDN copy, a half-finished upgrade) must get a clear error, not a broken choice.
const loader = (globalThis as { Consentry?: { version?: string } }).Consentry?.version;
if (loader !== __VERSION__) {
  throw new Error(`consentry: consentry-parts.min.js is from release ${__VERSION__} but the loader from ${loader}: serve every consentry file from one release`);
}
Object.assign(globalThis, { __consentryValidate: validateConfig, __consentryParts: choiceParts });
