import type { Texts } from '../config/types';
import { iabStubs, type IabParts } from '../integrations/iab-parts';
import type { UiModule } from '../ui/contract';

/** npm build: the UI and language packs are dynamic imports the site's bundler splits off. */
export const loadUiModule = (): Promise<UiModule> => import('../ui/index');

type Pack = () => Promise<{ default: Partial<Texts> }>;
const PACKS: { [lang: string]: Pack } = {
  de: () => import('../ui/i18n/packs/de'),
  fr: () => import('../ui/i18n/packs/fr'),
  es: () => import('../ui/i18n/packs/es'),
  it: () => import('../ui/i18n/packs/it'),
  nl: () => import('../ui/i18n/packs/nl'),
  pt: () => import('../ui/i18n/packs/pt'),
  pl: () => import('../ui/i18n/packs/pl'),
  ja: () => import('../ui/i18n/packs/ja'),
  ar: () => import('../ui/i18n/packs/ar'),
  zh: () => import('../ui/i18n/packs/zh'),
};

export async function loadLanguagePack(lang: string): Promise<Partial<Texts> | null> {
  try {
    return (await PACKS[lang]?.())?.default || null;
  } catch {
    return null;
  }
}

/** The IAB stubs are small and imported; the GPP full part (string encoding) is split off. */
export const esmIab: IabParts = { ...iabStubs, loadGpp: () => import('../integrations/gpp/index').then((module) => module.installGpp) };
