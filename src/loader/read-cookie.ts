import { cookieValues } from '../core/cookies/cookies';

/** Every value of the cookies of this name the page sees (several when domains or paths differ). */
export function readCookies(name: string): string[] {
  try {
    return cookieValues(document.cookie, name);
  } catch {
    // Cookies disabled (a sandboxed frame throws): no record.
    return [];
  }
}

/** The first cookie of that name, as js-cookie's `get` answers. */
export const readCookie = (name: string): string | undefined => readCookies(name)[0];
