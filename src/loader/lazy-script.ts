import type { Settings } from '../core/config/types';
import type { validateConfig } from '../core/config/validate';
import type { UiModule } from '../ui/contract';
import type { PackValues } from '../core/texts/pack-values';
import type { BootHints } from './boot-hints';
import type { ChoiceCore, ChoiceParts } from '../parts/choice-parts';
import type { IabParts } from '../iab/iab-parts';
import { assetsBase } from './assets-base';
import { PACK_NAMES } from './language-packs';
import { once } from './once';
import { loadScript } from './load-script';

/**
 * Script-tag build: the validator, the UI chunk and the language packs are separate files next to the loader
 * (or under `ui.assetsUrl`, within the origins ./assets-base allows). Each registers itself on a global the
 * loader reads after onload.
 */
type Registry = {
  __consentryUi?: UiModule;
  __consentryValidate?: typeof validateConfig;
  __consentryParts?: ChoiceParts;
  /** The choice core, as the UI chunk carries it. */
  __consentryChoice?: ChoiceCore;
  /** Pack files register their texts as values in a fixed key order; the UI chunk puts the keys back. */
  __consentryLang?: { [lang: string]: PackValues };
  __consentryIab?: IabParts;
};
const registry = globalThis as Registry;
const PARTS = 'consentry-parts.min.js';
const UI = 'consentry-ui.min.js';

/** The same hints a raw config gives, from validated settings. */
export const hintsOf = ({ ui }: Settings): BootHints => ({
  assetsUrl: ui.assetsUrl,
  trustedAssetOrigins: ui.trustedAssetOrigins,
  nonce: ui.nonce,
});

/** `toOwnScriptURL(folder, file)`: the file's URL as the page's Trusted Types policy vouches for it. */
export function scriptLazyLoaders(loaderBase: string, loaderNonce: string, toOwnScriptURL: (folder: string, file: string) => string) {
  const request = once<void>();
  const load = async <T>(file: string, hints: BootHints, registered: () => T | undefined): Promise<T> => {
    if (!registered()) {
      const folder = assetsBase(loaderBase, hints.assetsUrl, hints.trustedAssetOrigins);
      const toScriptURL = () => toOwnScriptURL(folder, file);
      await request(file, () => loadScript(folder + file, { nonce: hints.nonce || loaderNonce, toScriptURL }));
    }
    return registered() || Promise.reject(new Error('consentry: ' + file + ' did not register'));
  };
  const loadUi = (hints: BootHints) => load(UI, hints, () => registry.__consentryUi);
  const loadLanguage = async (lang: string, hints: BootHints): Promise<PackValues | null> =>
    // Only known pack names ever become a URL.
    PACK_NAMES.includes(lang) ? load('i18n/' + lang + '.min.js', hints, () => registry.__consentryLang?.[lang]).catch(() => null) : null;
  return {
    loadUi,
    loadLanguage,
    /** Start fetching the UI chunk and this language's pack for a banner about to be asked for. */
    prefetchUi(hints: BootHints, lang: string) {
      loadUi(hints).catch(() => {});
      void loadLanguage(lang, hints);
    },
    loadValidator: (hints: BootHints) => load(PARTS, hints, () => registry.__consentryValidate),
    /** At hand once the validator came (same file), else fetched alone. */
    parts: (hints: BootHints) => registry.__consentryParts || load(PARTS, hints, () => registry.__consentryParts),
    /** For showing the banner or preferences: the UI chunk carries the choice core, one request for both. */
    partsWithUi: (hints: BootHints): ChoiceCore | Promise<ChoiceCore> =>
      registry.__consentryParts ||
      registry.__consentryChoice ||
      load(UI, hints, () => registry.__consentryUi && registry.__consentryChoice),
    /** The IAB parts once loaded (see loadIab), else undefined. */
    iab: () => registry.__consentryIab,
    loadIab: (hints: BootHints) => load('consentry-gpp.min.js', hints, () => registry.__consentryIab),
  };
}
