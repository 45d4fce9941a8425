import type { LocalizedText } from '../../../core/config/types';

/** One language out of a config text: the wanted one, else English, else the first given. */
export function pickText(text: LocalizedText | undefined, language = 'en'): string {
  if (!text) return '';
  if (typeof text == 'string') return text;
  return text[language] || text.en || Object.values(text)[0] || '';
}
