import type { Settings, Texts } from '../config/types';
import { en } from './en';
import type { UiTexts } from './page-texts';

export interface ResolvedTexts {
  /** The language actually shown: English when nothing exists for the requested one. */
  lang: string;
  texts: UiTexts;
  /** Keys shown in English inside another language's UI (the pack and the site have none): marked `lang="en"`. */
  english?: { [key: string]: boolean };
}

/**
 * Layers, weakest first: English, the site's English texts (only when falling back to English), the
 * language's own pack, the site's texts for that language. A site's English wording never leaks into
 * another language that has a pack.
 */
export function resolveTexts(lang: string, pack: Partial<Texts> | null, configured: Settings['texts']): ResolvedTexts {
  const own = configured[lang];
  if (!pack && !own) return { lang: 'en', texts: { ...en, ...configured.en } as UiTexts };
  const english: { [key: string]: boolean } = {};
  for (const key of Object.keys(en) as Array<keyof Texts>) english[key] = pack?.[key] == null && own?.[key] == null;
  return { lang, texts: { ...en, ...(pack ? null : configured.en), ...pack, ...own } as UiTexts, english };
}
