import type { CookieDeclaration } from '../../core/config/types';
import { DECLARED_NAME as TOKEN, HOST } from '../../core/config/patterns';

/** Characters that stand for themselves in a regular expression (or escaped: `\.`, `\-`). */
const LITERAL = String.raw`(?:[\w-]|\\[.\-_$])+`;
// `^name`, or `^(a|b)` with a group: a bare `^a|b$` means "starts with a, or ends with b".
const ANCHORED = new RegExp(String.raw`^\^(${LITERAL}|\((?:\?:)?${LITERAL}(?:\|${LITERAL})*\))(\.\*|\.\+)?(\$)?$`);

const unescapeText = (text: string) => text.replace(/\\(.)/g, '$1');

/**
 * Cookie names for a name or regular expression of another tool. consentry matches exact names and
 * prefixes, so `/^_ga/` becomes the prefix `_ga`, `/^(_ga|_gid)$/` two exact names, `/^_pk_.*$/` the prefix
 * `_pk_`; anything else (classes, quantifiers, unanchored) cannot be expressed and returns null.
 */
export function cookieNames(pattern: string | RegExp): Pick<CookieDeclaration, 'name' | 'prefix'>[] | null {
  if (typeof pattern == 'string') {
    const name = pattern.trim();
    if (name.endsWith('*') && TOKEN.test(name.slice(0, -1))) return [{ name: name.slice(0, -1), prefix: true }];
    return TOKEN.test(name) ? [{ name }] : null;
  }
  if (pattern.flags.includes('i')) return null;
  const match = ANCHORED.exec(pattern.source);
  if (!match) return null;
  const [, body, wildcard, end] = match;
  const names = body
    .replace(/^\((\?:)?|\)$/g, '')
    .split('|')
    .map(unescapeText);
  const exact = !!end && !wildcard;
  if (!names.every((name) => TOKEN.test(name))) return null;
  return names.map((name) => (exact ? { name } : { name, prefix: true }));
}

/** A cookie domain as consentry writes it: no leading dot, a plain host name; undefined when unusable. */
export function cookieDomain(domain: unknown): string | undefined {
  if (typeof domain != 'string') return undefined;
  const host = domain.trim().replace(/^\./, '');
  return HOST.test(host) && host.length <= 253 ? host : undefined;
}
