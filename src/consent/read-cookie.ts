/**
 * Read one cookie without js-cookie: the loader only ever reads, and js-cookie (writes, removal) stays in
 * the lazily loaded choice parts. Parses and decodes as js-cookie's `get` does, so what it wrote reads back
 * the same: the first cookie of that name wins, and one with a malformed escape is skipped.
 */
export function readCookie(name: string): string | undefined {
  let cookies: string[] = [];
  try {
    cookies = document.cookie ? document.cookie.split('; ') : [];
  } catch {
    // Cookies disabled (a sandboxed frame throws): no record.
  }
  for (const cookie of cookies) {
    const [key, ...rest] = cookie.split('=');
    try {
      if (decodeURIComponent(key) === name) {
        const value = rest.join('=');
        return (value[0] === '"' ? value.slice(1, -1) : value).replace(/(%[\dA-F]{2})+/gi, decodeURIComponent);
      }
    } catch {
      /* malformed escape: not this one */
    }
  }
  return undefined;
}
