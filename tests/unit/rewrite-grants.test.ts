import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { encodeRecord } from '../../src/core/policy/record';
import type { ConsentRecord } from '../../src/core/policy/types';
import { cookieValues } from '../../src/core/cookies/cookies';
import { grantedFromCookieHeader } from '../../src/node/rewrite/granted-from-cookie';
import { createGrantsSource } from '../../src/node/rewrite/grants-source';
import { grantsKey, isGranted, type Grants } from '../../src/node/rewrite/grants';

const NOW = 1_764_000_000_000;
const settings = validateConfig({
  revision: 2,
  services: [
    { id: 'ga', category: 'analytics' },
    { id: 'hotjar', category: 'analytics' },
  ],
  regions: {
    rules: [
      { regions: ['US-CA'], regime: 'opt-out' },
      { regions: ['BR'], regime: 'notice-only' },
    ],
  },
  cookie: { name: 'cs' },
});
const record = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: 'visitor-0001',
  time: NOW - 1000,
  revision: 2,
  categories: { analytics: true, advertising: false },
  services: { hotjar: false },
  method: 'custom',
  expires: NOW + 864e5,
  ...overrides,
});
const header = (value: string) => `theme=dark; cs=${value}; other=1`;
const granted = (grants: Grants) => [...grants.categories].sort();

const readCookie = (header: string | undefined, name: string) => cookieValues(header, name)[0];

describe('reading a Cookie header', () => {
  it('reads the first cookie of that name, as js-cookie does', () => {
    expect(readCookie('a=1; cs=x|y; cs=z', 'cs')).toBe('x|y');
    expect(readCookie('a=1;cs="q"', 'cs')).toBe('q');
    expect(readCookie('cs=a%7Cb%20c', 'cs')).toBe('a|b c');
    expect(readCookie('xcs=1', 'cs')).toBeUndefined();
    expect(readCookie('cs=%E0%A4%A', 'cs')).toBeUndefined();
    expect(readCookie(undefined, 'cs')).toBeUndefined();
  });
});

describe('grantedFromCookieHeader', () => {
  it('grants what a valid record grants, with its per-service refusals', () => {
    const grants = grantedFromCookieHeader(header(encodeRecord(record())), settings, { now: NOW });
    expect(granted(grants)).toEqual(['analytics', 'essential']);
    expect(isGranted(grants, 'analytics', 'ga')).toBe(true);
    expect(isGranted(grants, 'analytics', 'hotjar')).toBe(false);
    expect(isGranted(grants, 'advertising')).toBe(false);
  });

  it.each([
    ['no cookie', undefined],
    ['an expired record', header(encodeRecord(record({ expires: NOW - 1 })))],
    ['a record from an older revision', header(encodeRecord(record({ revision: 1 })))],
    ['a corrupt cookie', header('1|garbage')],
    ['a foreign cookie of another name', `consentry=${encodeRecord(record())}`],
  ])('grants only essential for %s (opt-in)', (_label, cookie) => {
    expect(granted(grantedFromCookieHeader(cookie, settings, { now: NOW }))).toEqual(['essential']);
  });

  it('grants by default where the regime does, and takes GPC as an objection to advertising in opt-out', () => {
    expect(granted(grantedFromCookieHeader(undefined, settings, { now: NOW, region: 'us-ca' }))).toEqual([
      'advertising',
      'analytics',
      'essential',
    ]);
    expect(granted(grantedFromCookieHeader(undefined, settings, { now: NOW, region: 'US-CA', gpc: true }))).toEqual([
      'analytics',
      'essential',
    ]);
    expect(granted(grantedFromCookieHeader(undefined, settings, { now: NOW, region: 'BR' }))).toEqual([
      'advertising',
      'analytics',
      'essential',
    ]);
    expect(granted(grantedFromCookieHeader(undefined, settings, { now: NOW, region: 'nonsense' }))).toEqual(['essential']);
  });

  it('holds advertising for Sec-GPC in every regime, over a stored "Accept all" too (issue 19 §3)', () => {
    const acceptedAll = header(
      encodeRecord(record({ categories: { analytics: true, advertising: true }, services: {}, method: 'accept-all' })),
    );
    for (const region of ['BR', 'US-CA', 'DE']) {
      expect(granted(grantedFromCookieHeader(undefined, settings, { now: NOW, region, gpc: true }))).not.toContain('advertising');
      expect(granted(grantedFromCookieHeader(acceptedAll, settings, { now: NOW, region, gpc: true }))).toEqual(['analytics', 'essential']);
    }
  });

  it('grants nothing optional from a cookie an older version wrote with a minor flag', () => {
    // Cookies written now never carry the age group (record.ts): the grants they hold are already effective.
    const fields = encodeRecord(record({ categories: { analytics: true, advertising: true } })).split('|');
    fields[9] = 'm';
    expect(granted(grantedFromCookieHeader(header(fields.join('|')), settings, { now: NOW }))).toEqual(['essential']);
  });
});

describe('grants source', () => {
  it('fixed lists do not vary by cookie; [] is essential only', () => {
    const always = createGrantsSource(settings, []);
    expect(always.variesByCookie).toBe(false);
    expect(granted(always.grantsFor({ cookie: header(encodeRecord(record())) }))).toEqual(['essential']);
  });

  it('from the cookie, with a literal regions.source as the region when the request names none', () => {
    const californian = validateConfig({ regions: { source: 'US-CA', rules: [{ regions: ['US-CA'], regime: 'opt-out' }] } });
    const source = createGrantsSource(californian, 'from-cookie');
    expect(source.variesByCookie).toBe(true);
    expect(granted(source.grantsFor({}))).toEqual(['advertising', 'analytics', 'essential']);
    expect(granted(source.grantsFor({ region: 'DE' }))).toEqual(['essential']);
  });

  it('names each set of grants distinctly', () => {
    const a = grantedFromCookieHeader(header(encodeRecord(record())), settings, { now: NOW });
    const b = grantedFromCookieHeader(header(encodeRecord(record({ services: {} }))), settings, { now: NOW });
    const none = grantedFromCookieHeader('', settings, { now: NOW });
    expect(new Set([grantsKey(a), grantsKey(b), grantsKey(none)]).size).toBe(3);
    expect(grantsKey(a)).toMatch(/^cs[0-9a-z]+$/);
  });
});
