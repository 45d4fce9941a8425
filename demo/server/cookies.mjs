/** Cookie header parsing and Set-Cookie serialisation for the demo server (no framework, no dependency). */

/** @param {string | undefined} header */
export function parseCookies(header) {
  /** @type {Record<string, string>} */
  const cookies = {};
  for (const part of (header || '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    if (!(name in cookies)) {
      try {
        cookies[name] = decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        cookies[name] = part.slice(eq + 1).trim();
      }
    }
  }
  return cookies;
}

/**
 * @typedef {{ maxAge?: number, httpOnly?: boolean, sameSite?: 'Lax' | 'Strict' | 'None', path?: string }} CookieOptions
 * @param {string} name
 * @param {string} value
 * @param {CookieOptions} [options]
 */
export function serializeCookie(name, value, { maxAge, httpOnly = false, sameSite = 'Lax', path = '/' } = {}) {
  let cookie = `${name}=${encodeURIComponent(value)}; Path=${path}; SameSite=${sameSite}`;
  if (maxAge !== undefined) cookie += `; Max-Age=${maxAge}`;
  if (httpOnly) cookie += '; HttpOnly';
  return cookie;
}

/**
 * Adds a Set-Cookie header without dropping the ones already queued on the response.
 * @param {import('node:http').ServerResponse} res
 * @param {string} cookie
 */
export function appendSetCookie(res, cookie) {
  const existing = res.getHeader('Set-Cookie');
  const list = Array.isArray(existing) ? existing : existing ? [String(existing)] : [];
  res.setHeader('Set-Cookie', [...list, cookie]);
}
