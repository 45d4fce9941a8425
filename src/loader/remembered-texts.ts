import type { Texts } from '../core/config/types';
import type { PageTextKey } from '../core/texts/page-texts';
import { TEXTS_KEY } from '../core/storage-keys';

/**
 * The loader carries its page texts (reopen button, placeholders) in English and Chinese only. For another
 * language they come with its pack, which a returning visitor's page does not fetch: so the page texts of
 * the last pack loaded are kept, and the next page's reopen button and placeholders speak the visitor's
 * language at once. Four short interface strings, nothing about the visitor.
 */
const KEY = TEXTS_KEY;

type PageTexts = Partial<Pick<Texts, PageTextKey>>;

export function rememberPageTexts(lang: string, texts: PageTexts): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([lang, texts]));
  } catch {
    // Storage full or disabled: English until the pack comes again.
  }
}

export function rememberedPageTexts(lang: string): PageTexts | null {
  try {
    const [remembered, texts] = JSON.parse(localStorage.getItem(KEY)!);
    return remembered === lang && texts && typeof texts == 'object' ? texts : null;
  } catch {
    return null;
  }
}
