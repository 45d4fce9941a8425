/**
 * Read cookies without js-cookie: the loader only ever reads, and js-cookie (writes, removal) stays in
 * the lazily loaded choice parts. Parses and decodes as js-cookie's `get` does, so what it wrote reads back
 * the same; one with a malformed escape is skipped.
 */

/** Every value of the cookies of this name the page sees (several when domains or paths differ). */
export function readCookies(name: string): string[] {
  let cookies: string[] = [];
  const values: string[] = [];
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
        values.push((value[0] === '"' ? value.slice(1, -1) : value).replace(/(%[\dA-F]{2})+/gi, decodeURIComponent));
      }
    } catch {
      /* malformed escape: not this one */
    }
  }
  return values;
}

/** The first cookie of that name, as js-cookie's `get` answers. */
export const readCookie = (name: string): string | undefined => readCookies(name)[0];
