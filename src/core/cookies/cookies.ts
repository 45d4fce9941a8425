/**
 * Cookie strings read: `document.cookie` in the browser and the `Cookie` request header on the server are the
 * same `name=value; name=value` text, so one parser serves both. Written: the consent cookie by js-cookie, and
 * deletions by clean-up (src/blocking/clean-up.ts), the only other writer.
 *
 * js-cookie writes and removes the consent cookie (src/consent/cookie-jar.ts), in the lazily loaded choice
 * parts. It is not used here:
 * - the loader reads on every page view, and js-cookie would add its whole `set` to that file, for a `get`
 *   this module does in a few lines (reading as js-cookie's `get` does, so what it wrote reads back the same);
 * - the server has no `document.cookie`, which js-cookie's `get` reads;
 * - clean-up deletes other parties' cookies by the name the browser shows, which js-cookie would
 *   percent-encode again (a name with "(" or non-ASCII letters would then name another cookie).
 */

/** Every `[name, value]` of a cookie string, both as written (no decoding), in order. */
export function cookiePairs(text: string | null | undefined): Array<[name: string, value: string]> {
  return (text ? text.split(';') : []).map((pair) => {
    const eq = pair.indexOf('=');
    // A pair without "=" is a cookie with an empty name, as browsers read it.
    return eq < 0 ? ['', pair.trim()] : [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
  });
}

/**
 * Every value of the cookies named `name` (several when domains or paths differ), decoded as js-cookie's
 * `get` decodes: the name percent-decoded, surrounding quotes dropped, percent-escapes in the value
 * decoded. A cookie with a malformed escape is skipped.
 */
export function cookieValues(text: string | null | undefined, name: string): string[] {
  const values: string[] = [];
  for (const [key, value] of cookiePairs(text)) {
    try {
      if (decodeURIComponent(key) === name)
        values.push((value[0] === '"' ? value.slice(1, -1) : value).replace(/(%[\dA-F]{2})+/gi, decodeURIComponent));
    } catch {
      // A malformed escape: not this one.
    }
  }
  return values;
}
