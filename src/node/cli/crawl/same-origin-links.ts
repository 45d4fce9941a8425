/**
 * The links worth following from a page: same origin as the start, http(s), without the fragment,
 * and not obviously a file download. Everything else is dropped here, so nothing off-site is ever visited.
 */
const DOWNLOADS =
  /\.(pdf|zip|gz|tgz|rar|7z|dmg|exe|msi|apk|png|jpe?g|gif|webp|svg|ico|mp[34]|mov|avi|webm|woff2?|ttf|css|js|json|xml|txt|csv|docx?|xlsx?|pptx?)$/i;

export function sameOriginLinks(hrefs: string[], base: string, origin: string): string[] {
  const out = new Set<string>();
  for (const href of hrefs) {
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      continue;
    }
    if (url.origin != origin || DOWNLOADS.test(url.pathname)) continue;
    url.hash = '';
    out.add(url.href);
  }
  return [...out];
}
