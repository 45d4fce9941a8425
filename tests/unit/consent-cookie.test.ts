import { describe, expect, it } from 'vitest';
import { consentCookieName, consentCookieNames, pickConsentRecord } from '../../src/core/policy/consent-cookie';
import { decide } from '../../src/core/policy/decide';
import { encodeRecord } from '../../src/core/policy/record';
import type { ConsentRecord } from '../../src/core/policy/types';
import { grantedFromCookieHeader } from '../../src/node/rewrite/granted-from-cookie';
import { makeSettings } from './fixtures/settings';

// The consent cookie is whatever someone wrote (issue 24 #7): which names it goes by, and which of
// several cookies a page decides from.
const DAY = 864e5;
const NOW = Date.UTC(2027, 0, 15);
const BEFORE_HOST_NAMES = Date.UTC(2026, 10, 1);
const settings = makeSettings({ revision: 3 });
const record = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: 'visitor-0001',
  time: NOW - DAY,
  revision: 3,
  categories: { analytics: false, advertising: false },
  services: {},
  method: 'reject-all',
  expires: NOW + 100 * DAY,
  ...overrides,
});
const accepted = (overrides: Partial<ConsentRecord> = {}) =>
  record({ categories: { analytics: true, advertising: true }, method: 'accept-all', ...overrides });
const jar = (cookies: { [name: string]: ConsentRecord[] }) => (name: string) => (cookies[name] || []).map(encodeRecord);
const pick = (cookies: { [name: string]: ConsentRecord[] }, secure = true) => pickConsentRecord(settings, NOW, jar(cookies), secure);

describe('names', () => {
  it('__Host-<name> first where the site shares nothing across subdomains, then the plain name', () => {
    expect(consentCookieNames(settings.cookie)).toEqual(['__Host-consentry', 'consentry']);
    expect(consentCookieName(settings.cookie, true)).toBe('__Host-consentry');
  });

  it('the plain name on http, where a browser refuses __Host- cookies', () => {
    expect(consentCookieName(settings.cookie, false)).toBe('consentry');
  });

  it('only the plain name with a cookie.domain or another path', () => {
    for (const cookie of [
      { ...settings.cookie, domain: 'example.com' },
      { ...settings.cookie, path: '/shop' },
    ]) {
      expect(consentCookieNames(cookie)).toEqual(['consentry']);
      expect(consentCookieName(cookie, true)).toBe('consentry');
    }
  });

  it('an owner who wrote the prefix gets the same two names', () => {
    expect(consentCookieNames({ ...settings.cookie, name: '__Host-shop' })).toEqual(['__Host-shop', 'shop']);
  });
});

describe('which record among several', () => {
  it('the most restrictive of one name: a planted acceptance never overrides a recorded rejection, in either order', () => {
    expect(pick({ consentry: [accepted(), record()] }, false)?.method).toBe('reject-all');
    expect(pick({ consentry: [record(), accepted()] }, false)?.method).toBe('reject-all');
    const some = record({ categories: { analytics: true, advertising: false }, method: 'custom' });
    expect(pick({ consentry: [accepted(), some] }, false)?.method).toBe('custom');
  });

  it('a __Host- record beats any plain one, even a more restrictive one', () => {
    expect(pick({ '__Host-consentry': [accepted()], consentry: [record({ time: BEFORE_HOST_NAMES })] })?.method).toBe('accept-all');
  });

  it('on https a plain record is read only as an old one (made before __Host- names), for migration', () => {
    expect(pick({ consentry: [accepted({ time: BEFORE_HOST_NAMES })] })?.method).toBe('accept-all');
    expect(pick({ consentry: [accepted()] })).toBeNull();
    expect(pick({ consentry: [accepted()] }, false)?.method).toBe('accept-all');
  });

  it('invalid records count as none, so a valid one behind them still decides', () => {
    const future = accepted({ revision: 4 });
    const forever = accepted({ expires: NOW + 3650 * DAY });
    expect(pick({ consentry: [record({ revision: 4 }), future, forever] }, false)).toBeNull();
    const valid = accepted({ categories: { analytics: true, advertising: false } });
    expect(pick({ consentry: [future, forever, valid] }, false)).toEqual(valid);
  });
});

describe('decide refuses what no choice made under this config can be', () => {
  const signals = (r: ConsentRecord) => ({ record: r, now: NOW, region: null, gpc: false, dnt: false });
  it.each([
    ['a later revision', { revision: 4 }],
    ['a far later revision', { revision: 2147483647 }],
    ['an expiry beyond cookie.expiresDays', { expires: NOW + 184 * DAY }],
  ])('%s: no record, the banner asks', (_, overrides) => {
    const state = decide(settings, signals(accepted(overrides)));
    expect(state).toMatchObject({ status: 'pending', record: null, needsBanner: true, categories: { analytics: false } });
  });

  it('keeps a record at the configured maximum (with a day for clocks)', () => {
    expect(decide(settings, signals(accepted({ expires: NOW + 183 * DAY }))).status).toBe('decided');
  });
});

describe('the server rewriter decides the same way', () => {
  const header = (cookies: string[]) => cookies.join('; ');
  it('the most restrictive record, and __Host- first', () => {
    const planted = 'consentry=' + encodeRecord(accepted());
    const own = 'consentry=' + encodeRecord(record());
    expect(grantedFromCookieHeader(header([planted, own]), settings, { now: NOW }).categories.has('analytics')).toBe(false);
    expect(grantedFromCookieHeader(header([planted]), settings, { now: NOW }).categories.has('analytics')).toBe(true);
    expect(grantedFromCookieHeader(header([planted]), settings, { now: NOW, https: true }).categories.has('analytics')).toBe(false);
    expect(
      grantedFromCookieHeader(header(['__Host-consentry=' + encodeRecord(accepted()), own]), settings, { now: NOW }).categories.has(
        'analytics',
      ),
    ).toBe(true);
  });
});
