import { describe, expect, it } from 'vitest';
import { retentionCutoff, truncateAddress, validateReceipt } from '../../src/node/receipts';
import { createRateLimiter } from '../../src/node/receipts/rate-limit';
import { importOptional } from '../../src/node/receipts/optional-import';
import { searchPage } from '../../src/node/receipts/admin-page';
import { createAdminAuth } from '../../src/node/receipts/admin-auth';
import { csvLine } from '../../src/node/receipts/export-formats';
import type { StoredReceipt } from '../../src/node/receipts';
import { receipt } from './receipts/fixtures';

const stored = (overrides: Partial<StoredReceipt> = {}): StoredReceipt => ({
  seq: 1,
  receivedAt: '2026-03-01T10:00:00.000Z',
  consentId: 'abcDEF123456',
  decidedAt: '2026-03-01T10:00:00.000Z',
  revision: 1,
  method: 'custom',
  regime: null,
  region: null,
  language: null,
  categories: { analytics: true },
  services: {},
  consents: null,
  crossBorder: null,
  ageGroup: null,
  textsHash: null,
  page: null,
  userAgent: null,
  clientAddress: null,
  hash: 'ab12',
  ...overrides,
});

describe('receipts: the parts', () => {
  it('truncates IPv4 to /24 and IPv6 to /48, and refuses what is not an address', () => {
    expect(truncateAddress('203.0.113.77')).toBe('203.0.113.0');
    expect(truncateAddress('::ffff:198.51.100.9')).toBe('198.51.100.0');
    expect(truncateAddress('2001:db8:abcd:12:34::1')).toBe('2001:db8:abcd::');
    expect(truncateAddress('2001:db8::1')).toBe('2001:db8:0::');
    expect(truncateAddress('::1')).toBe('0:0:0::');
    expect(truncateAddress('fe80::1%eth0')).toBe('fe80:0:0::');
    expect(truncateAddress('not an address')).toBeNull();
    expect(truncateAddress(undefined)).toBeNull();
  });

  it('reduces the user agent to browser family and major version, and the URL to origin and path', () => {
    const ua = (userAgent: string) => validateReceipt(receipt({ userAgent }), new Date(), null).userAgent;
    expect(
      ua(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
      ),
    ).toBe('Edge 131');
    expect(ua('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe('Firefox 133');
    expect(
      ua(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari 17');
    expect(ua('Firefox 133')).toBe('Firefox 133');
    expect(ua('curl/8.5.0')).toBe('Other');
    const row = validateReceipt(receipt({ url: 'https://shop.example/a/b?token=secret#x' }), new Date(), null);
    expect(row.page).toBe('https://shop.example/a/b');
    expect(() => validateReceipt(receipt({ url: 'javascript:alert(1)' }), new Date(), null)).toThrow(/http/);
  });

  it('a token bucket per client: burst, then refill over time, other clients unaffected', () => {
    const limiter = createRateLimiter({ burst: 2, perSecond: 1 });
    expect([limiter.take('a', 0), limiter.take('a', 0), limiter.take('a', 0)]).toEqual([true, true, false]);
    expect(limiter.take('b', 0)).toBe(true);
    expect(limiter.take('a', 999)).toBe(false);
    expect(limiter.take('a', 1000)).toBe(true);
  });

  it('forgets clients beyond maxClients instead of growing without bound', () => {
    const limiter = createRateLimiter({ burst: 1, perSecond: 0.001, maxClients: 100 });
    for (let i = 0; i < 1000; i++) limiter.take(`client-${i}`, 0);
    expect(limiter.size).toBeLessThanOrEqual(100);
  });

  it('retention cutoff: the same day N months back', () => {
    expect(retentionCutoff(24, new Date('2026-12-06T01:00:00Z')).toISOString()).toBe('2024-12-06T01:00:00.000Z');
    expect(retentionCutoff(1, new Date('2026-03-15T00:00:00Z')).toISOString()).toBe('2026-02-15T00:00:00.000Z');
  });

  it('the admin page escapes everything that came from visitors or the query', () => {
    const html = searchPage({
      adminPath: '/consent-receipts/admin',
      query: {},
      filters: new URLSearchParams({ consentId: '"><script>alert(1)</script>' }),
      receipts: [stored({ page: 'https://x.example/<img src=x onerror=alert(1)>', categories: { '<b>': true } })],
      total: 1,
    });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
    expect(html).toContain('<caption>Receipts found: 1</caption>');
  });

  it('CSV cells that a spreadsheet would run as formulas are defused', () => {
    expect(csvLine(stored({ page: '=HYPERLINK("http://evil")', method: '+cmd' }))).toContain(`,"'=HYPERLINK(""http://evil"")",`);
    expect(csvLine(stored({ method: '+cmd' }))).toContain(",'+cmd,");
  });

  it('a driver that is not installed fails with one line naming the package to install', async () => {
    await expect(importOptional('consentry-no-such-driver', 'the test store')).rejects.toThrow(
      'consentry receipts: the test store needs the "consentry-no-such-driver" package: run "npm install consentry-no-such-driver"',
    );
  });

  it('admin auth: bearer token or the sign-in cookie; neither the wrong token nor the token as cookie', async () => {
    const auth = createAdminAuth('right-token');
    expect(await auth.isSignedIn('Bearer right-token', undefined)).toBe(true);
    expect(await auth.isSignedIn('Bearer wrong-token', undefined)).toBe(false);
    const cookie = (await auth.cookie('/admin', true)).split(';')[0];
    expect(await auth.cookie('/admin', true)).toMatch(/HttpOnly; SameSite=Strict; Secure/);
    expect(cookie).not.toContain('right-token');
    expect(await auth.isSignedIn(undefined, `other=1; ${cookie}`)).toBe(true);
    expect(await auth.isSignedIn(undefined, 'consentry_receipts_admin=right-token')).toBe(false);
  });
});

describe('validateReceipt and the SDK record of this release', () => {
  const sdk = {
    consentId: 'abcDEF123456',
    time: '2026-12-01T00:00:00.000Z',
    revision: 2147483647,
    method: 'custom',
    categories: { analytics: true },
    via: 'dialog',
    lang: 'zh',
    signalOverride: true,
  };
  it('takes every revision the config allows (up to 2^31-1) and no more', () => {
    expect(validateReceipt(sdk, new Date(), null).revision).toBe(2147483647);
    expect(() => validateReceipt({ ...sdk, revision: 2147483648 }, new Date(), null)).toThrow(/revision/);
  });
  it('stores the record’s `lang` as the language, where the choice was made, and a signal override', () => {
    expect(validateReceipt(sdk, new Date(), null)).toMatchObject({ language: 'zh', via: 'dialog', signalOverride: true });
  });
});
