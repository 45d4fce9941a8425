import { showPlaceholder } from './placeholder';
import type { ResolvedNeed } from '../loader/effects/types';
import type { Settings } from '../core/config/types';
import type { ConsentState } from '../core/policy/types';
import type { LanguagePack } from '../ui/contract';
import { localize } from '../core/texts/localize';
import { PAGE_TEXTS } from '../core/texts/page-texts';
import { pageTextsOf } from './page-texts-of';

/**
 * Placeholders for held embeds (video players, maps), drawn from the choice parts, not the UI chunk: a
 * visitor who already chose sees them without the banner's code being fetched. "Always allow" records the category on top of the
 * visitor's current choices, exactly as the preferences dialog would.
 */
export function heldEmbedPlaceholder(
  settings: Settings,
  /** The visitor's language, resolved by the loader. */
  lang: string,
  getState: () => ConsentState,
  set: (choices: { categories: { [id: string]: boolean } }) => void,
  loadOnce: (el: Element) => void,
  /** The visitor's language pack, for a language other than English and Chinese. */
  pack?: LanguagePack | null,
) {
  const texts = { ...PAGE_TEXTS.en, ...PAGE_TEXTS[lang], ...pageTextsOf(pack), ...settings.texts[lang] };
  return (el: Element, need: ResolvedNeed) => {
    const category = settings.categories.find((c) => c.id === need.category);
    const service = settings.services.find((s) => s.id === need.service);
    showPlaceholder(el, need, {
      texts,
      serviceName: service?.name || undefined,
      categoryTitle: (category && localize(category.title, lang)) || need.category,
      onAlwaysAllow: () => set({ categories: { ...getState().categories, [need.category]: true } }),
      onLoadOnce: () => loadOnce(el),
    });
  };
}
