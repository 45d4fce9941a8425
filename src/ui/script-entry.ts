/**
 * Script-tag build of the UI chunk: registers itself for the loader, which reads it after onload. It also
 * brings the choice parts (recording the choice, its receipt, clean-up, placeholders): a visitor shown the
 * banner needs both, in one request. Like the parts file it takes the loader's shared modules
 * (src/loader/shared.ts) instead of copies, so it must come from the loader's release.
 */
import { choiceParts } from '../loader/choice-parts';
import { requireLoaderRelease } from '../loader/same-release';
import * as ui from './index';

requireLoaderRelease('consentry-ui.min.js');
const registry = globalThis as { __consentryUi?: unknown; __consentryParts?: unknown };
registry.__consentryUi = { show: ui.show, hide: ui.hide, unmount: ui.unmount };
// The parts file's copy, if it came first (a raw config's validator), is the same code: keep one.
registry.__consentryParts ||= choiceParts;
