import { describe, expect, test } from 'vitest';
import { cookieDomainVariants, cookiePathVariants } from '../../src/core/cookies/cookie-variants';

describe('cookieDomainVariants', () => {
  test('host-only, the host, and each parent up to the registrable domain', () => {
    expect(cookieDomainVariants('www.shop.example.com')).toEqual(['', 'www.shop.example.com', 'shop.example.com', 'example.com']);
    expect(cookieDomainVariants('example.com')).toEqual(['', 'example.com']);
  });

  test('stops at three labels under known second-level suffixes', () => {
    expect(cookieDomainVariants('www.shop.example.co.uk')).toEqual(['', 'www.shop.example.co.uk', 'shop.example.co.uk', 'example.co.uk']);
    expect(cookieDomainVariants('m.taobao.com.cn')).toEqual(['', 'm.taobao.com.cn', 'taobao.com.cn']);
    expect(cookieDomainVariants('a.b.gov.cn')).toEqual(['', 'a.b.gov.cn', 'b.gov.cn']);
    expect(cookieDomainVariants('example.co.uk')).toEqual(['', 'example.co.uk']);
  });

  test('never offers a bare top-level domain', () => {
    for (const host of ['a.b.c.d.example.org', 'example.de', 'x.example.com.cn']) {
      expect(cookieDomainVariants(host).every((domain) => domain == '' || domain.includes('.'))).toBe(true);
    }
  });

  test('IP addresses and single-label hosts only hold host-only cookies', () => {
    expect(cookieDomainVariants('127.0.0.1')).toEqual(['']);
    expect(cookieDomainVariants('localhost')).toEqual(['']);
    expect(cookieDomainVariants('::1')).toEqual(['']);
    expect(cookieDomainVariants('[2001:db8::1]')).toEqual(['']);
  });
});

describe('cookiePathVariants', () => {
  test('"/" and every prefix of the path, with and without the trailing slash', () => {
    expect(cookiePathVariants('/a/b/page.html')).toEqual(['/', '/a', '/a/', '/a/b', '/a/b/', '/a/b/page.html']);
    expect(cookiePathVariants('/shop/')).toEqual(['/', '/shop', '/shop/']);
  });

  test('the root path gives "/" only', () => {
    expect(cookiePathVariants('/')).toEqual(['/']);
    expect(cookiePathVariants('')).toEqual(['/']);
  });
});
