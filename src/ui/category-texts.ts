import type { CategorySettings } from '../config/types';
import type { UiTexts } from './i18n/page-texts';
import { localize } from './i18n/localize';

/** A category's title: the config's, else the built-in one for essential/analytics/advertising, else its id. */
export function categoryTitle(category: CategorySettings, texts: UiTexts, lang: string): string {
  return localize(category.title, lang) || texts[category.id + 'Title'] || category.id;
}

export function categoryDescription(category: CategorySettings, texts: UiTexts, lang: string): string {
  return localize(category.description, lang) || texts[category.id + 'Description'] || '';
}
