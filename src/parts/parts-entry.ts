/**
 * Script-tag build of the loader's lazy parts (dist/consentry-parts.min.js): the config validator, needed
 * only for a raw config whose validated settings are not cached (a compiled config needs none), and the
 * code that asks and stores a choice or cleans up after a withdrawal. The UI chunk carries the choice core
 * (src/ui/script-entry.ts), so a visitor who is shown the banner fetches one file; this one serves
 * withdrawal clean-up, placeholders and API choices on pages that have not loaded the UI, and a UI that
 * fails to load never costs a visitor their choice.
 */
import { validateConfig } from '../core/config/validate';
import { choiceParts } from './choice-parts';
import { requireLoaderRelease } from './same-release';

requireLoaderRelease('consentry-parts.min.js');
Object.assign(globalThis, { __consentryValidate: validateConfig, __consentryParts: choiceParts });
