import type { Settings, Texts } from '../config/types';
import type { UiModule } from '../ui/contract';
import type { GppInstaller } from './integrations';
import { PACK_NAMES } from './language-packs';
import { loadScript, type LoadScriptOptions } from './load-script';

/**
 * Script-tag build: the UI chunk and the language packs are separate files next to the loader
 * (or under `ui.assetsUrl`). Each registers itself on a global the loader reads after onload.
 */
type Registry = {
  __consentryUi?: UiModule;
  __consentryLang?: { [lang: string]: Partial<Texts> };
  __consentryGpp?: GppInstaller;
};
const registry = globalThis as Registry;

const base = (settings: Settings, fallback: string) => settings.ui.assetsUrl || fallback;

export function scriptLazyLoaders(loaderBase: string, options: (settings: Settings) => LoadScriptOptions) {
  return {
    async loadUi(settings: Settings): Promise<UiModule> {
      if (!registry.__consentryUi) await loadScript(base(settings, loaderBase) + 'consentry-ui.min.js', options(settings));
      if (!registry.__consentryUi) throw new Error('consentry: UI chunk did not register');
      return registry.__consentryUi;
    },
    async loadGpp(settings: Settings): Promise<GppInstaller> {
      if (!registry.__consentryGpp) await loadScript(base(settings, loaderBase) + 'consentry-gpp.min.js', options(settings));
      if (!registry.__consentryGpp) throw new Error('consentry: GPP file did not register');
      return registry.__consentryGpp;
    },
    async loadLanguage(lang: string, settings: Settings): Promise<Partial<Texts> | null> {
      // Only known pack names ever become a URL.
      if (!PACK_NAMES.includes(lang)) return null;
      try {
        if (!registry.__consentryLang?.[lang]) await loadScript(base(settings, loaderBase) + 'i18n/' + lang + '.min.js', options(settings));
        return registry.__consentryLang?.[lang] || null;
      } catch {
        return null;
      }
    },
  };
}
