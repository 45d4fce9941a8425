import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPathRelative } from '../../src/node/rewrite/document-gate';
import { decodeAttribute } from '../../src/node/rewrite/decode-attribute';
import { addVary, isRewritableHtml, variantEtag } from '../../src/node/rewrite/html-response';
import { srcsetUrls } from '../../src/node/rewrite/srcset-urls';

describe('srcsetUrls', () => {
  it.each([
    ['a.png', ['a.png']],
    ['a.png 1x, b.png 2x', ['a.png', 'b.png']],
    ['  a.png   100w ,b.png 200w,  ', ['a.png', 'b.png']],
    [
      'https://img.cdn/w_100,h_80/a.jpg 1x, https://img.cdn/w_200,h_160/a.jpg 2x',
      ['https://img.cdn/w_100,h_80/a.jpg', 'https://img.cdn/w_200,h_160/a.jpg'],
    ],
    ['a.png,b.png', ['a.png,b.png']],
    ['a.png, ,b.png', ['a.png', 'b.png']],
    ['a.png (foo, bar) 1x, b.png', ['a.png', 'b.png']],
    ['data:image/png;base64,AAA= 1x, c.png 2x', ['data:image/png;base64,AAA=', 'c.png']],
    ['', []],
    [',,,', []],
  ])('%j', (value, urls) => {
    expect(srcsetUrls(value)).toEqual(urls);
  });
});

describe('decodeAttribute', () => {
  it('decodes the references that can hide a URL', () => {
    expect(decodeAttribute('https&colon;//www&period;google-analytics.com/a?x=1&amp;y=2')).toBe(
      'https://www.google-analytics.com/a?x=1&y=2',
    );
    expect(decodeAttribute('&#104;ttps://&#x77;ww.x.com&#0;&#xD800;')).toBe('https://www.x.com\ufffd\ufffd');
    expect(decodeAttribute('a &unknown; b &amp c')).toBe('a &unknown; b & c');
    expect(decodeAttribute('plain')).toBe('plain');
  });
});

describe('HTTP helpers', () => {
  it.each([
    ['text/html', undefined, true],
    ['text/html; charset=UTF-8', null, true],
    ['TEXT/HTML;charset="utf8"', 'identity', true],
    ['text/html; charset=us-ascii', '', true],
    ['text/html; charset=iso-8859-1', undefined, false],
    ['text/html', 'gzip', false],
    ['text/html', 'br', false],
    ['application/xhtml+xml', undefined, false],
    ['text/plain', undefined, false],
    [undefined, undefined, false],
  ])('isRewritableHtml(%s, %s) = %s', (type, encoding, expected) => {
    expect(isRewritableHtml(type, encoding)).toBe(expected);
  });

  it('adds Vary names once, case-insensitively', () => {
    expect(addVary(undefined, ['Cookie'])).toBe('Cookie');
    expect(addVary('Accept-Encoding, cookie', ['Cookie', 'Sec-GPC'])).toBe('Accept-Encoding, cookie, Sec-GPC');
    expect(addVary(['Accept', 'Origin'], ['Cookie'])).toBe('Accept, Origin, Cookie');
    expect(addVary('*', ['Cookie'])).toBe('*');
  });

  it('makes weak per-variant ETags', () => {
    expect(variantEtag('"abc"', 'cs1')).toBe('W/"abc-cs1"');
    expect(variantEtag('W/"abc"', 'cs1')).toBe('W/"abc-cs1"');
  });
});

describe('isPathRelative', () => {
  it.each([
    ['/a.js', true],
    ['a.js', true],
    ['?q', true],
    ['#x', true],
    ['', true],
    ['./x:y', true],
    ['//evil.example/x', false],
    ['/\\evil.example', false],
    ['\t/\n/evil.example', false],
    [' \x01//evil.example', false],
    ['https://x', false],
    ['HTTP://x', false],
    ['javascript:x', false],
    ['data:,', false],
    ['a+b.c-d:x', false],
  ])('%j → %s', (url, expected) => {
    expect(isPathRelative(url)).toBe(expected);
  });

  it('never claims a URL the URL parser resolves to another origin', () => {
    const base = 'https://own.example/dir/page';
    const char = fc.constantFrom(
      'a',
      'h',
      't',
      'p',
      's',
      '/',
      '\\',
      ':',
      '.',
      '@',
      '?',
      '#',
      '%',
      '\t',
      '\n',
      '\r',
      ' ',
      '\x01',
      '\x7f',
      'é',
    );
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 12 }).map((chars) => chars.join('')),
        (url) => {
          if (!isPathRelative(url)) return;
          let origin: string | null = null;
          try {
            origin = new URL(url, base).origin;
          } catch {
            return;
          }
          expect(origin).toBe('https://own.example');
        },
      ),
      { numRuns: 20000 },
    );
  });
});
