/** "a, b and c" in the visitor's language (Intl.ListFormat); a plain comma list where that is missing. */
export function listFormat(lang: string, items: string[]): string {
  try {
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}
