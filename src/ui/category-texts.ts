import type { CategorySettings } from '../core/config/types';
import type { UiTexts } from '../core/texts/page-texts';
import { localize } from '../core/texts/localize';

type BuiltInId = 'essential' | 'analytics' | 'advertising';

/**
 * The built-in category a text key may be built from, or undefined. Only these three have texts of their
 * own (`analyticsTitle`…): any other id built into a key could name another text ("preferences" + "Title"
 * is the dialog's heading, "banner" + "Purposes" the banner's sentence).
 */
export const builtInId = (id: string) => (/^(essential|analytics|advertising)$/.test(id) ? (id as BuiltInId) : undefined);

/** A category's title: the config's, else the built-in one for essential/analytics/advertising, else its id. */
export function categoryTitle(category: CategorySettings, texts: UiTexts, lang: string): string {
  const builtIn = builtInId(category.id);
  return localize(category.title, lang) || (builtIn && texts[`${builtIn}Title`]) || category.id;
}

export function categoryDescription(category: CategorySettings, texts: UiTexts, lang: string): string {
  const builtIn = builtInId(category.id);
  return localize(category.description, lang) || (builtIn && texts[`${builtIn}Description`]) || '';
}
