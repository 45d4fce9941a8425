/**
 * Script-tag build of the UI chunk: registers itself for the loader, which reads it after onload. It also
 * brings the choice core (recording the choice and its receipt): a visitor shown the banner needs both, in
 * one request. Clean-up and placeholders stay in the parts file. Like the parts file it takes the loader's
 * shared modules (src/loader/face.ts) instead of copies, so it must come from the loader's release.
 */
import { choiceCore } from '../parts/choice-parts';
import { requireLoaderRelease } from '../parts/same-release';
import * as ui from './index';

requireLoaderRelease('consentry-ui.min.js');
Object.assign(globalThis, { __consentryUi: { show: ui.show, hide: ui.hide, unmount: ui.unmount }, __consentryChoice: choiceCore });
