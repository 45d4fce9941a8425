/**
 * The visitor's language: the config's choice, else the page's <html lang>, else the browser's.
 * Only the primary subtag is kept ("zh-Hans-CN" → "zh"), which is how packs are named.
 */
export function resolveLanguage(configured: string): string {
  const candidates = [configured !== 'auto' && configured, document.documentElement.lang, navigator.language, 'en'];
  const found = candidates.find((code) => typeof code === 'string' && /^[a-z]{2,3}\b/i.test(code)) as string;
  return found.match(/^[a-z]{2,3}/i)![0].toLowerCase();
}
