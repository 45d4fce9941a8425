import type { Texts } from '../core/config/types';
import type { LanguagePack } from '../ui/contract';
import { PAGE_TEXT_KEYS, type PageTextKey } from '../core/texts/page-text-keys';

/** The page texts of a language pack: a built pack lists them first, in PAGE_TEXT_KEYS order; empty ones are left out. */
export const pageTextsOf = (pack: LanguagePack | null | undefined): Partial<Pick<Texts, PageTextKey>> =>
  Object.fromEntries(PAGE_TEXT_KEYS.map((key, i) => [key, Array.isArray(pack) ? pack[i] : pack?.[key]]).filter(([, text]) => text));
