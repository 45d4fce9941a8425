import type { Texts } from '../core/config/types';
import { iabStubs, type IabParts } from '../iab/iab-parts';
import type { UiModule } from '../ui/contract';

/** npm build: the UI and language packs are dynamic imports the site's bundler splits off. */
export const loadUiModule = (): Promise<UiModule> => import('../ui/index');

type Pack = () => Promise<{ default: Partial<Texts> }>;
const PACKS: { [lang: string]: Pack } = {
  de: () => import('../core/texts/packs/de'),
  fr: () => import('../core/texts/packs/fr'),
  es: () => import('../core/texts/packs/es'),
  it: () => import('../core/texts/packs/it'),
  nl: () => import('../core/texts/packs/nl'),
  pt: () => import('../core/texts/packs/pt'),
  pl: () => import('../core/texts/packs/pl'),
  ja: () => import('../core/texts/packs/ja'),
  ar: () => import('../core/texts/packs/ar'),
  zh: () => import('../core/texts/packs/zh'),
};

export async function loadLanguagePack(lang: string): Promise<Partial<Texts> | null> {
  try {
    return (await PACKS[lang]?.())?.default || null;
  } catch {
    return null;
  }
}

/** The IAB stubs are small and imported; the GPP full part (string encoding) is split off. */
export const esmIab: IabParts = { ...iabStubs, loadGpp: () => import('../iab/gpp/index').then((module) => module.installGpp) };
