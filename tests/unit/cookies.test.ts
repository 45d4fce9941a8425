import Cookies from 'js-cookie';
import { describe, expect, it } from 'vitest';
import { cookiePairs, cookieValues } from '../../src/core/cookies/cookies';

// One parser for `document.cookie` (the loader, clean-up) and the Cookie header (the rewriter).
describe('cookie strings', () => {
  it('splits pairs as browsers show them, with or without a space after ";", a pair without "=" being a nameless cookie', () => {
    expect(cookiePairs('a=1; b=x=y;c=; d')).toEqual([
      ['a', '1'],
      ['b', 'x=y'],
      ['c', ''],
      ['', 'd'],
    ]);
    expect(cookiePairs('')).toEqual([]);
    expect(cookiePairs(undefined)).toEqual([]);
  });

  it('reads every value of a name, decoded as js-cookie decodes, skipping a malformed escape', () => {
    expect(cookieValues('cs=1; other=2; cs="a%7Cb"', 'cs')).toEqual(['1', 'a|b']);
    expect(cookieValues('cs=%E0%A4%A; cs=ok', 'cs')).toEqual(['ok']);
    expect(cookieValues('xcs=1', 'cs')).toEqual([]);
  });

  it('reads back what js-cookie writes, names and values with characters it escapes included', () => {
    const jar: string[] = [];
    const write = Cookies.withAttributes({}).set;
    // js-cookie writes through document.cookie: catch the string it would write.
    const doc = { cookie: '' };
    Object.defineProperty(doc, 'cookie', { set: (text: string) => jar.push(text.split(';')[0]), get: () => jar.join('; ') });
    const saved = globalThis.document;
    (globalThis as { document?: unknown }).document = doc;
    try {
      write('näme (1)', 'v|ä; "q" %');
      write('plain', '1');
    } finally {
      (globalThis as { document?: unknown }).document = saved;
    }
    expect(cookieValues(jar.join('; '), 'näme (1)')).toEqual(['v|ä; "q" %']);
    expect(cookieValues(jar.join('; '), 'plain')).toEqual(['1']);
  });
});
