import type { Texts } from '../config/types';
import type { PageTextKey } from './page-text-keys';

export type { PageTextKey };

/** What the UI chunk needs: every other key. Its built-in English and Chinese carry only these. */
export type UiTexts = { [K in keyof Texts as K extends PageTextKey ? never : K]: Texts[K] };

/**
 * English and Chinese for the loader's own texts. Plain data with no UI code, so the loader may import it
 * without pulling in the UI chunk; the language packs carry these keys too.
 */
export const PAGE_TEXTS: { [lang: string]: Pick<Texts, PageTextKey> } = {
  en: {
    reopen: 'Cookie settings',
    placeholderText: 'This content from {service} is blocked until you allow {category} cookies.',
    loadOnce: 'Load once',
    alwaysAllow: 'Always allow',
  },
  zh: {
    reopen: 'Cookie 设置',
    placeholderText: '此内容来自 {service}，在您允许{category} Cookie 之前不会加载。',
    loadOnce: '仅加载一次',
    alwaysAllow: '始终允许',
  },
};
