/**
 * Whether a URL from config may become a link: web links (http, https) and relative URLs only.
 * Browsers ignore whitespace and control characters when they read a scheme ("java\tscript:"), so we
 * strip them before looking; anything with another scheme (javascript:, data:, vbscript:) is refused.
 */
export function isSafeUrl(url: string): boolean {
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(cleaned);
  return cleaned !== '' && (!scheme || /^https?$/i.test(scheme[1]));
}
