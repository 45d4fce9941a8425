/**
 * Script-tag build of the config validator: its own small file, fetched by the loader only when its cache
 * of validated settings misses (a first visit, or a changed config). Apart from the UI chunk, so a UI that
 * fails to load never costs a returning visitor their choice.
 */
import { validateConfig } from './validate';

(globalThis as { __consentryValidate?: unknown }).__consentryValidate = validateConfig;
