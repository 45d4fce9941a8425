/**
 * One cookie's value from a `Cookie` request header, read the way js-cookie reads `document.cookie`
 * (which wrote it): the first cookie of that name wins, surrounding quotes are dropped and
 * percent-escapes decoded. A malformed escape yields undefined rather than an exception.
 */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    let value = pair.slice(eq + 1).trim();
    if (value[0] === '"') value = value.slice(1, -1);
    try {
      return value.replace(/(%[\dA-F]{2})+/gi, decodeURIComponent);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
