import type { CookieDeclaration } from '../../core/config/types';
import { cookieDomain, cookieNames } from './cookie-names';
import type { Draft } from './config-draft';

const show = (pattern: unknown) => (pattern instanceof RegExp ? String(pattern) : JSON.stringify(pattern));

/**
 * Adds the cookies an old name or pattern stands for to `cookies` (once each), noting what cannot be
 * expressed as consentry's exact names and prefixes.
 */
export function declareCookies(
  draft: Draft,
  cookies: CookieDeclaration[],
  pattern: unknown,
  domain: unknown,
  path: string,
): CookieDeclaration[] {
  const names = typeof pattern == 'string' || pattern instanceof RegExp ? cookieNames(pattern) : null;
  if (!names) {
    draft.note(path, `cookie ${show(pattern)} is not a name or a prefix consentry can match: declare the cookies it stands for by name`);
    return [];
  }
  const host = cookieDomain(domain);
  if (domain != null && domain !== '' && !host)
    draft.note(path, `cookie domain ${show(domain)} is not a host name: left out, so the page's host and its parents are assumed`);
  const added: CookieDeclaration[] = [];
  for (const { name, prefix } of names) {
    let cookie = cookies.find((c) => c.name == name && !!c.prefix == !!prefix && c.domain == host);
    if (!cookie) {
      cookie = { name, ...(prefix ? { prefix } : {}), ...(host ? { domain: host } : {}) };
      cookies.push(cookie);
    }
    added.push(cookie);
  }
  return added;
}
