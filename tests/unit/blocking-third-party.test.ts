import { describe, expect, it } from 'vitest';
import { isSameSite } from '../../src/core/classify/same-site';
import { heldCategory } from '../../src/core/classify/third-party';
import { isGranted } from '../../src/core/policy/grant';
import { validateConfig } from '../../src/core/config/validate';
import { bootHints } from '../../src/loader/boot-hints';
import { classifyUrl } from '../../src/node/rewrite/classify-url';
import { classifyUrlFull } from '../../src/node/rewrite/classify-url-full';

const PAGE = 'https://www.shop.example/products/1';
const strict = (blocking: object = {}, rest: object = {}) => validateConfig({ blocking: { thirdParty: 'hold', ...blocking }, ...rest });

describe('isSameSite (no public-suffix list)', () => {
  it('takes the page host and its subdomains', () => {
    expect(isSameSite('example.com', 'example.com')).toBe(true);
    expect(isSameSite('cdn.example.com', 'example.com')).toBe(true);
    expect(isSameSite('CDN.Example.com.', 'example.com')).toBe(true);
    expect(isSameSite('example.net', 'example.com')).toBe(false);
    expect(isSameSite('notexample.com', 'example.com')).toBe(false);
  });

  it('takes the parent domain of a host with three labels or more', () => {
    expect(isSameSite('cdn.example.com', 'www.example.com')).toBe(true);
    expect(isSameSite('example.com', 'www.example.com')).toBe(true);
    expect(isSameSite('api.b.example.com', 'a.b.example.com')).toBe(true);
    // Only one level up: a.b.example.com does not claim all of example.com.
    expect(isSameSite('c.example.com', 'a.b.example.com')).toBe(false);
    expect(isSameSite('static.bbc.co.uk', 'www.bbc.co.uk')).toBe(true);
  });

  it('never takes a parent that looks like a country registry (co.uk, com.au, ne.jp)', () => {
    expect(isSameSite('tracker.co.uk', 'bbc.co.uk')).toBe(false);
    expect(isSameSite('evil.com.au', 'shop.com.au')).toBe(false);
    expect(isSameSite('x.ne.jp', 'site.ne.jp')).toBe(false);
    expect(isSameSite('cdn.bbc.co.uk', 'bbc.co.uk')).toBe(true);
  });

  it('treats an IP address as only itself', () => {
    expect(isSameSite('127.0.0.1', '127.0.0.1')).toBe(true);
    expect(isSameSite('1.0.0.1', '127.0.0.1')).toBe(false);
    expect(isSameSite('10.0.0.1', '192.10.0.1')).toBe(false);
    expect(isSameSite('[::2]', '[::1]')).toBe(false);
  });

  it('knows no site without a page host', () => {
    expect(isSameSite('example.com', '')).toBe(false);
  });
});

describe('heldCategory', () => {
  it('"known" (the default) holds only what a table, rule or service names', () => {
    const settings = validateConfig({});
    expect(settings.blocking.thirdParty).toBe('known');
    expect(heldCategory('https://cdn.unlisted.test/lib.js', settings, PAGE)).toBeNull();
    expect(heldCategory('https://www.google-analytics.com/analytics.js', settings, PAGE)).toEqual({ category: 'analytics' });
  });

  it('"hold" gives every unknown cross-site host blocking.unknownCategory, by default advertising', () => {
    const settings = strict();
    expect(settings.blocking.unknownCategory).toBe('advertising');
    for (const url of [
      'https://cdn.unlisted.test/lib.js',
      '//cdn.unlisted.test/p.gif',
      'wss://cdn.unlisted.test/live',
      'http://203.0.113.9/x',
    ])
      expect(heldCategory(url, settings, PAGE)).toEqual({ category: 'advertising', unknown: true });
    expect(heldCategory('https://cdn.unlisted.test/lib.js', strict({ unknownCategory: 'analytics' }), PAGE)).toEqual({
      category: 'analytics',
      unknown: true,
    });
  });

  it('"hold" keeps a known host in its own category', () => {
    expect(heldCategory('https://www.google-analytics.com/analytics.js', strict(), PAGE)).toEqual({ category: 'analytics' });
  });

  it('"hold" lets same-origin, same-site and non-web URLs through', () => {
    const settings = strict();
    for (const url of [
      '/app.js',
      'https://www.shop.example/app.js',
      'https://cdn.shop.example/app.js',
      'https://shop.example/x',
      'data:,x',
      'blob:https://www.shop.example/1',
    ])
      expect(heldCategory(url, settings, PAGE)).toBeNull();
  });

  it('"hold" lets a host declared essential through: an essential service\'s hosts, an essential rule', () => {
    const settings = strict(
      { rules: [{ match: 'fonts.unlisted.test', category: 'essential' }] },
      { services: [{ id: 'payments', category: 'essential', hosts: ['pay.unlisted.test'] }] },
    );
    for (const url of [
      'https://pay.unlisted.test/checkout.js',
      'https://api.pay.unlisted.test/v1',
      'https://fonts.unlisted.test/a.woff2',
    ]) {
      const need = heldCategory(url, settings, PAGE);
      expect(need?.category).toBe('essential');
      expect(isGranted(need!, { categories: {}, services: {} } as never, settings)).toBe(true);
    }
    expect(heldCategory('https://other.unlisted.test/x.js', settings, PAGE)?.unknown).toBe(true);
  });

  it('an unknown host is released by the consent to unknownCategory, and only by it', () => {
    const settings = strict();
    const need = heldCategory('https://cdn.unlisted.test/lib.js', settings, PAGE)!;
    expect(isGranted(need, { categories: { analytics: true }, services: {} } as never, settings)).toBe(false);
    expect(isGranted(need, { categories: { analytics: true, advertising: true }, services: {} } as never, settings)).toBe(true);
  });

  it('nothing is held when auto-blocking is off (the rewriter agrees)', () => {
    const settings = strict({ autoBlock: false });
    expect(classifyUrl('https://cdn.unlisted.test/lib.js', settings, PAGE)).toBeNull();
  });
});

describe('strict mode config', () => {
  it('refuses an unknown mode and an undeclared unknownCategory', () => {
    expect(() => validateConfig({ blocking: { thirdParty: 'all' } })).toThrow(/blocking\.thirdParty.*must be one of known, hold/);
    expect(() => validateConfig({ blocking: { thirdParty: 'hold', unknownCategory: 'marketing' } })).toThrow(
      /blocking\.unknownCategory.*not a declared category/,
    );
  });

  it('asks for unknownCategory when "advertising", its default, is hidden', () => {
    const hidden = { categories: [{ id: 'advertising', hidden: true }] };
    expect(() => validateConfig({ ...hidden, blocking: { thirdParty: 'hold' } })).toThrow(
      /blocking\.unknownCategory: is required in "hold" mode/,
    );
    expect(validateConfig({ ...hidden, blocking: { thirdParty: 'hold', unknownCategory: 'analytics' } }).blocking.unknownCategory).toBe(
      'analytics',
    );
    expect(() => validateConfig({ ...hidden })).not.toThrow();
  });

  it('the loader reads "hold" before the config is validated, so unknown hosts wait meanwhile too', () => {
    const hints = bootHints({ blocking: { thirdParty: 'hold' } });
    expect(hints.classifying?.blocking.thirdParty).toBe('hold');
    expect(heldCategory('https://cdn.unlisted.test/lib.js', hints.classifying!, PAGE)?.unknown).toBe(true);
    expect(bootHints({ blocking: { thirdParty: 'known' } }).classifying?.blocking.thirdParty).toBeUndefined();
    const named = bootHints({ blocking: { thirdParty: 'hold', unknownCategory: 'analytics' } }).classifying!;
    expect(heldCategory('https://cdn.unlisted.test/lib.js', named, PAGE)).toEqual({ category: 'analytics', unknown: true });
  });
});

describe('the rewriter in strict mode', () => {
  it('holds an unknown host as the runtime does', () => {
    expect(classifyUrl('https://cdn.unlisted.test/lib.js', strict(), PAGE)).toMatchObject({ category: 'advertising' });
    expect(classifyUrl('https://cdn.unlisted.test/lib.js', validateConfig({}), PAGE)).toBeNull();
  });

  it('with the full tables, a host they know keeps its real category; an unknown one is held all the same', () => {
    expect(classifyUrlFull('https://cdn.unlisted.test/lib.js', strict(), PAGE)).toMatchObject({ category: 'advertising' });
    expect(classifyUrlFull('https://cdn.unlisted.test/lib.js', validateConfig({}), PAGE)).toBeNull();
    expect(classifyUrlFull('https://www.google-analytics.com/analytics.js', strict(), PAGE)).toEqual({ category: 'analytics' });
    // In the full tables only (not the loader's): their category, not unknownCategory.
    expect(classifyUrlFull('https://0.gravatar.com/avatar/x', strict(), PAGE)).toEqual({ category: 'analytics' });
  });
});

describe('the HTML rewriter in strict mode', () => {
  it('holds a tag of an unknown cross-site host written in the HTML, and leaves same-site and declared-essential ones', async () => {
    const { createRewriter } = await import('../../src/node/rewrite/create-rewriter');
    const settings = strict({}, { services: [{ id: 'payments', category: 'essential', hosts: ['pay.unlisted.test'] }] });
    const html =
      '<script src="https://cdn.unlisted.test/lib.js"></script><img src="https://cdn.unlisted.test/p.gif">' +
      '<script src="https://pay.unlisted.test/pay.js"></script><script src="https://cdn.shop.example/app.js"></script>';
    const out = createRewriter({ settings, grantedCategories: [] }).rewrite(html, { url: PAGE });
    expect(out).toContain('data-src="https://cdn.unlisted.test/lib.js"');
    expect(out).toContain('data-src="https://cdn.unlisted.test/p.gif"');
    expect(out).toContain('<script src="https://pay.unlisted.test/pay.js"></script>');
    expect(out).toContain('<script src="https://cdn.shop.example/app.js"></script>');
    const known = createRewriter({ settings: validateConfig({}), grantedCategories: [] }).rewrite(html, { url: PAGE });
    expect(known).toBe(html);
  });
});
