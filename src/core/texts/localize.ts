import type { LocalizedText } from '../config/types';

/** Picks one language from config text: the visitor's, else English, else the first given; "" when none. */
export function localize(text: LocalizedText | undefined, lang: string): string {
  if (!text || typeof text === 'string') return text || '';
  return text[lang] || text.en || Object.values(text)[0] || '';
}
