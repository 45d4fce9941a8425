import type { Regime, Settings } from '../core/config/types';
import type { UiTexts } from '../core/texts/page-texts';
import { builtInId, categoryTitle } from './category-texts';
import { fill } from '../core/texts/fill';
import { joinList } from '../core/texts/join-list';

/** Languages written without spaces between sentences. */
const NO_SPACES = /^(zh|ja)/;

/**
 * The banner's text: what essential cookies do, then (when the site has optional categories) what the
 * visitor is asked to allow, listing exactly the categories this site configured. Opt-out regions do not
 * ask: they say what runs and that the visitor can opt out ("With your consent…" would be untrue there).
 */
export function bannerText(settings: Settings, texts: UiTexts, lang: string, regime?: Regime): string {
  const purposes = settings.categories
    .filter((category) => !category.required)
    .map((category) => {
      const builtIn = builtInId(category.id);
      return (builtIn && builtIn != 'essential' && texts[`${builtIn}Purposes`]) || categoryTitle(category, texts, lang);
    });
  const sentence = regime === 'opt-out' ? texts.optOutPurposes : texts.bannerPurposes;
  if (!purposes.length || !sentence) return texts.bannerText;
  const separator = NO_SPACES.test(lang) ? '' : ' ';
  return texts.bannerText + separator + fill(sentence, { purposes: joinList(purposes, texts) });
}
