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
