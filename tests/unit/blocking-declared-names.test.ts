import { describe, expect, test } from 'vitest';
import { cookieCategory } from '../../src/core/classify/cookie-category';
import { matchesDeclared } from '../../src/core/classify/name-pattern';
import { storageNeed } from '../../src/core/classify/storage-need';
import { validateConfig } from '../../src/core/config/validate';

// One rule for every name a site declares and the catalogue lists (issue 18): `*` anywhere, `prefix: true` as a
// trailing `*`. Cookie declarations used to take `*` literally (and the validator refused it).
describe('matchesDeclared', () => {
  test.each([
    ['mp_*_mixpanel', false, 'mp_abc_mixpanel', true],
    ['mp_*_mixpanel', false, 'mp_abc_mixpanel_x', false],
    ['mp_*_mixpanel', true, 'mp_abc_mixpanel_x', true],
    ['_ga_', true, '_ga_XYZ', true],
    ['_ga_', false, '_ga_XYZ', false],
    ['_ga', false, '_ga', true],
    ['*_session', false, 'shop_session', true],
    ['*_session', false, 'shop_session2', false],
  ])('%s (prefix %s) ~ %s: %s', (pattern, prefix, name, expected) => {
    expect(matchesDeclared(pattern, prefix, name)).toBe(expected);
  });
});

const settings = validateConfig({
  services: [
    { id: 'mixpanel-own', category: 'advertising', cookies: [{ name: 'mp_*_mixpanel' }], storage: [{ key: 'mp_*_mixpanel' }] },
    { id: 'shop', category: 'analytics', cookies: [{ name: 'shop_', prefix: true }] },
  ],
});

describe('a declared cookie pattern', () => {
  test('files the cookies it matches under its service, before the built-in table', () => {
    expect(cookieCategory('mp_abc123_mixpanel', settings)).toBe('advertising');
    expect(cookieCategory('mp_abc123_mixpanel', null)).toBe('analytics'); // the catalogue's Mixpanel entry
    expect(cookieCategory('shop_cart', settings)).toBe('analytics');
  });

  test('and the storage guard reads the same declaration the same way', () => {
    expect(storageNeed('local', 'mp_abc123_mixpanel', settings)).toEqual({ service: 'mixpanel-own', category: 'advertising' });
  });
});
