/** Chinese and Japanese: no space between sentences, full-width brackets. */
const CJK = /^(zh|ja)/;

/** What separates two sentences: a space, or nothing where sentences are written without one. */
export const sentenceGap = (lang: string): string => (CJK.test(lang) ? '' : ' ');

/** A label followed by a count: "Services and cookies (2)", "服务和 Cookie（2）". */
export function withCount(label: string, count: number, lang: string): string {
  return CJK.test(lang) ? `${label}（${count}）` : `${label} (${count})`;
}
