/**
 * The one reading of a URL that every blocking decision uses (loader, guards, server rewriter): the URL
 * the browser itself would request. The WHATWG parser strips leading and trailing C0 controls and spaces,
 * removes tabs and newlines anywhere and reads "\" as "/" in http(s) URLs, so " https://t/x",
 * "\n https://t/x", "\\\\t/x", "/\\t/x" and "ht\ttp://t/x" all reach host t. Any shortcut on the raw text
 * ("does not start with a scheme, so it is ours") disagrees with the browser; this never does.
 * `base` is the document's base URL (`document.baseURI` in a page). An unparsable URL gives null.
 */
export function resolveUrl(raw: string, base?: string): URL | null {
  try {
    return new URL(raw, base);
  } catch {
    return null;
  }
}

/** A URL whose host the blocking tables can name: http(s), and WebSocket (ws/wss) connections to the same hosts. */
export const isWebUrl = (url: URL): boolean => /^(http|ws)s?:$/.test(url.protocol);

/**
 * Whether `resolveUrl` would resolve `url` against the base's origin, without parsing it (the rewriter's
 * fast path: most URLs in a page are path-relative): no scheme, and not starting with two slashes (or
 * backslashes, which special URLs treat alike) once tabs, newlines and leading C0 controls and spaces are
 * stripped, as the parser strips them.
 */
export function isPathRelative(url: string): boolean {
  const bare = url.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+/, '');
  return !/^([a-zA-Z][a-zA-Z0-9+.-]*:|[\\/]{2})/.test(bare);
}
