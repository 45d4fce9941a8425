import { describe, expect, it } from 'vitest';
import { hostCategory } from '../../src/core/classify/host-category';
import { knownCookieCategory } from '../../src/core/classify/known-cookie-category';
import { pathCategory } from '../../src/core/classify/path-category';
import { DATABASES, STORAGE_KEYS } from '../../src/core/classify/tables/loader-storage';
import { urlCategory } from '../../src/core/classify/url-category';
import { validateConfig } from '../../src/core/config/validate';

// The loader's tables compiled from the vendor catalogue (issue 18): the cases the issue reported, each
// of which the loader missed before (no posthog host, no cdn.mxpnl.com, no ph_*_posthog, no path rules).

const PAGE = 'https://shop.example/';
const at = (url: string) => urlCategory(url, null, PAGE)?.category ?? null;

describe('URL path patterns on shared hosts', () => {
  it('holds the Meta pixel on www.facebook.com, as an image URL with its query', () => {
    expect(at('https://www.facebook.com/tr?id=1&ev=PageView')).toBe('advertising');
    expect(at('https://www.facebook.com/tr/?id=1&ev=PageView&noscript=1')).toBe('advertising');
    expect(at('https://facebook.com/tr?id=1')).toBe('advertising');
  });

  it('leaves www.facebook.com itself and other paths alone', () => {
    expect(at('https://www.facebook.com/')).toBeNull();
    expect(at('https://www.facebook.com/trending')).toBeNull();
    expect(at('https://www.facebook.com/somepage?ref=/tr')).toBeNull();
  });

  it("holds Google's ad paths on www.google.com, not search", () => {
    expect(at('https://www.google.com/pagead/1p-conversion/123/?random=1')).toBe('advertising');
    expect(at('https://www.google.com/ads/ga-audiences?t=sr')).toBe('advertising');
    expect(at('https://www.google.com/search?q=/pagead/')).toBeNull();
  });

  it('reads the query only for a pattern that has a "?": gtag.js for Google Ads is advertising, for GA4 analytics', () => {
    expect(at('https://www.googletagmanager.com/gtag/js?id=AW-123')).toBe('advertising');
    expect(at('https://www.googletagmanager.com/gtag/js?id=G-123')).toBe('analytics');
    expect(pathCategory(new URL('https://cdn.example.net/page?next=/prebid.js'))).toBeNull();
  });

  it('lets the site decide first: a service or rule naming the host wins over a path pattern', () => {
    const settings = validateConfig({ blocking: { rules: [{ match: 'www.facebook.com', category: 'essential' }] } });
    expect(urlCategory('https://www.facebook.com/tr?id=1', settings, PAGE)?.category).toBe('essential');
  });
});

describe('product analytics the loader missed (issue 18)', () => {
  it('knows PostHog and Mixpanel CDN and ingestion hosts, regional ones included', () => {
    for (const host of ['us-assets.i.posthog.com', 'eu-assets.i.posthog.com', 'us.i.posthog.com', 'eu.i.posthog.com', 'app.posthog.com']) {
      expect(hostCategory(host), host).toBe('analytics');
    }
    for (const host of ['cdn.mxpnl.com', 'api-js.mixpanel.com', 'api-eu.mixpanel.com']) expect(hostCategory(host), host).toBe('analytics');
    expect(hostCategory('posthog.com.example')).toBeNull();
  });

  it('knows their cookies by pattern, with the wildcard in the middle of the name', () => {
    expect(knownCookieCategory('ph_phc_AbC123xyz_posthog')).toBe('analytics');
    expect(knownCookieCategory('mp_0123456789abcdef_mixpanel')).toBe('analytics');
    expect(knownCookieCategory('ph_posthog_x')).toBeNull();
    expect(knownCookieCategory('php_session')).toBeNull();
  });

  it('knows RUM and error monitoring intake hosts under analytics', () => {
    expect(hostCategory('browser-intake-datadoghq.com')).toBe('analytics');
    expect(hostCategory('browser-intake-datadoghq.eu')).toBe('analytics');
  });
});

describe('storage table for the storage guard', () => {
  it('exports [pattern, category] pairs for storage keys and IndexedDB names', () => {
    expect(STORAGE_KEYS).toContainEqual(['ph_*_posthog', 'analytics']);
    expect(STORAGE_KEYS).toContainEqual(['mp_*_mixpanel', 'analytics']);
    expect(DATABASES).toContainEqual(['mixpanelBrowserDb', 'analytics']);
    for (const [pattern, category] of [...STORAGE_KEYS, ...DATABASES]) {
      expect(pattern.replaceAll('*', '').length, pattern).toBeGreaterThanOrEqual(3);
      expect(['analytics', 'advertising']).toContain(category);
    }
  });
});

describe('the Node side reads the whole catalogue', () => {
  it('classifies wildcard names (cookie or storage key) with the vendor, and drafts no pattern a config cannot hold', async () => {
    const { classifyCookieFull } = await import('../../src/node/classify/classify-cookie-full');
    const { builtInTables } = await import('../../src/node/cli/classify/tables');
    expect(classifyCookieFull({ name: 'ph_phc_AbC123_posthog' })).toMatchObject({
      category: 'analytics',
      wildcard: true,
      vendorId: 'posthog',
      name: 'ph_*_posthog',
    });
    expect(classifyCookieFull({ name: 'mp_abc_mixpanel' })).toMatchObject({ category: 'analytics', vendorId: 'mixpanel' });
    const hit = builtInTables.cookie('ph_phc_AbC123_posthog', 'shop.example');
    expect(hit).toMatchObject({ category: 'analytics', provider: expect.stringContaining('PostHog'), vendor: 'posthog' });
    expect(hit!.pattern).toBeUndefined();
    expect(builtInTables.host('us.i.posthog.com')).toMatchObject({ category: 'analytics', vendor: 'posthog' });
  });
});
