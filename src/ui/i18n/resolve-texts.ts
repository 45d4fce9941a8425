import type { Settings, Texts } from '../../config/types';
import { en } from './en';
import type { UiTexts } from './page-texts';

export interface ResolvedTexts {
  /** The language actually shown: English when nothing exists for the requested one. */
  lang: string;
  texts: UiTexts;
}

/**
 * Layers, weakest first: English, the site's English texts (only when falling back to English), the
 * language's own pack, the site's texts for that language. A site's English wording never leaks into
 * another language that has a pack.
 */
export function resolveTexts(lang: string, pack: Partial<Texts> | null, configured: Settings['texts']): ResolvedTexts {
  const own = configured[lang];
  if (!pack && !own) return { lang: 'en', texts: { ...en, ...configured.en } as UiTexts };
  return { lang, texts: { ...en, ...(pack ? null : configured.en), ...pack, ...own } as UiTexts };
}
