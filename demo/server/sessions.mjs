import { randomBytes, timingSafeEqual } from 'node:crypto';
import { appendSetCookie, parseCookies, serializeCookie } from './cookies.mjs';

/** The site's own essential cookies: what keeps working whatever the visitor refuses. */
export const SESSION_COOKIE = 'sid';
export const CSRF_COOKIE = 'csrftoken';
export const LANGUAGE_COOKIE = 'lang';

const YEAR = 365 * 24 * 3600;

/**
 * @typedef {{ cart: string[], lastMessage: { name: string, topic: string } | null }} Session
 */

/**
 * Server-side sessions keyed by an HttpOnly `sid` cookie, plus a double-submit CSRF token
 * (`csrftoken` cookie echoed in a hidden form field), the pattern Django and Rails use.
 */
export function createSessions() {
  /** @type {Map<string, Session>} */
  const sessions = new Map();

  return {
    /**
     * The visitor's session and CSRF token, issuing the cookies on first contact.
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     */
    open(req, res) {
      const cookies = parseCookies(req.headers.cookie);
      let sid = cookies[SESSION_COOKIE];
      if (!sid || !/^[\w-]{20,64}$/.test(sid)) {
        sid = randomBytes(18).toString('base64url');
        appendSetCookie(res, serializeCookie(SESSION_COOKIE, sid, { httpOnly: true }));
      }
      let csrf = cookies[CSRF_COOKIE];
      if (!csrf || !/^[\w-]{20,64}$/.test(csrf)) {
        csrf = randomBytes(24).toString('base64url');
        appendSetCookie(res, serializeCookie(CSRF_COOKIE, csrf, { sameSite: 'Strict', maxAge: YEAR }));
      }
      let session = sessions.get(sid);
      if (!session) {
        session = { cart: [], lastMessage: null };
        sessions.set(sid, session);
      }
      return { sid, csrf, session };
    },
  };
}

/**
 * The form's token must equal the cookie's. A cross-site form cannot read the cookie, and the
 * cookie is SameSite=Strict, so a forged POST fails here.
 * @param {import('node:http').IncomingMessage} req
 * @param {string | null} submitted
 */
export function csrfTokenMatches(req, submitted) {
  const expected = parseCookies(req.headers.cookie)[CSRF_COOKIE];
  if (!expected || !submitted || expected.length !== submitted.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(submitted));
}

/** @param {import('node:http').ServerResponse} res @param {'en' | 'zh'} language */
export function setLanguageCookie(res, language) {
  appendSetCookie(res, serializeCookie(LANGUAGE_COOKIE, language, { maxAge: YEAR }));
}
