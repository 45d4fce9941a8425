import type { UiTexts } from './page-texts';

/**
 * "a and b", "a, b, and c" with the list words of the language's texts (`listAnd` for two items,
 * `listComma` and `listLastAnd` for more; spaces included, as Chinese and Japanese use none). The same
 * as Intl.ListFormat for the languages we ship, without its cost: its first use in a page loads ICU list
 * data, ~15 ms of CPU for one sentence of the banner.
 */
export function joinList(items: string[], texts: UiTexts): string {
  if (items.length < 2) return items.join('');
  const last = items.length > 2 ? texts.listLastAnd : texts.listAnd;
  return items.slice(0, -1).join(texts.listComma) + last + items[items.length - 1];
}
