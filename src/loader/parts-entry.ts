/**
 * Script-tag build of the loader's lazy parts (dist/consentry-parts.min.js): the config validator, needed
 * only when the cache of validated settings misses (a first visit, a changed config), and the code that
 * stores a choice or cleans up after a withdrawal. Apart from the UI chunk, so a UI that fails to load never
 * costs a visitor their choice.
 */
import { validateConfig } from '../config/validate';
import { choiceParts } from './choice-parts';

Object.assign(globalThis, { __consentryValidate: validateConfig, __consentryParts: choiceParts });
