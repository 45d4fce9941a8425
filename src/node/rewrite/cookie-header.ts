/**
 * One cookie's value from a `Cookie` request header, read the way js-cookie reads `document.cookie`
 * (which wrote it): the first cookie of that name wins, surrounding quotes are dropped and
 * percent-escapes decoded. A malformed escape yields undefined rather than an exception (and, where
 * several cookies share the name, is skipped).
 */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  return readCookies(header, name)[0];
}

/** Every value of the cookies of this name in the header (several when domains or paths differ). */
export function readCookies(header: string | null | undefined, name: string): string[] {
  const values: string[] = [];
  for (const pair of header ? header.split(';') : []) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    let value = pair.slice(eq + 1).trim();
    if (value[0] === '"') value = value.slice(1, -1);
    try {
      values.push(value.replace(/(%[\dA-F]{2})+/gi, decodeURIComponent));
    } catch {
      // A malformed escape: not this one.
    }
  }
  return values;
}
