import { parseCookieDate } from './cookie-date';

/**
 * What a `document.cookie = "…"` assignment does: which cookie, and whether it deletes it (Max-Age <= 0,
 * which wins over Expires, or Expires in the past, read as the browser reads dates). A pair without "=" is a cookie with an empty name.
 */
export function parseCookieWrite(text: string, now = Date.now()): { name: string; deletion: boolean } {
  const [pair, ...attributes] = text.split(';');
  const eq = pair.indexOf('=');
  let maxAge: number | undefined;
  let expires: number | undefined;
  for (const attribute of attributes) {
    const [key, value = ''] = attribute.split('=');
    const name = key.trim().toLowerCase();
    if (name == 'max-age' && /^\s*-?\d+\s*$/.test(value)) maxAge = +value;
    // An Expires the browser cannot read is ignored, so an earlier one still counts.
    if (name == 'expires') expires = parseCookieDate(value) ?? expires;
  }
  return {
    name: eq < 0 ? '' : pair.slice(0, eq).trim(),
    deletion: maxAge != null ? maxAge <= 0 : expires! < now,
  };
}
