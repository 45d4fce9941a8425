// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { assetsBase } from '../../src/loader/assets-base';

// Where the script-tag build's own code may come from (issue 24 #3).
const LOADER = 'https://shop.example/static/consentry/';

afterEach(() => vi.restoreAllMocks());

describe('assetsBase', () => {
  it("is the loader's folder unless assetsUrl says otherwise", () => {
    expect(assetsBase(LOADER)).toBe(LOADER);
    expect(assetsBase(LOADER, '')).toBe(LOADER);
  });

  it("follows assetsUrl on the loader's origin, or on an origin the owner listed", () => {
    expect(assetsBase(LOADER, 'https://shop.example/v2/')).toBe('https://shop.example/v2/');
    expect(assetsBase(LOADER, 'https://cdn.example/c/', ['https://cdn.example'])).toBe('https://cdn.example/c/');
  });

  it.each([
    ['another origin', 'https://evil.example/'],
    ['protocol-relative', '//evil.example/'],
    ['another port', 'https://shop.example:8443/'],
    ['another scheme', 'http://shop.example/'],
    ['a listed host under another scheme', 'http://cdn.example/'],
  ])('refuses %s with a warning and keeps the loader folder', (_, url) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(assetsBase(LOADER, url, ['https://cdn.example'])).toBe(LOADER);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('ui.trustedAssetOrigins'));
  });
});

describe('ui.trustedAssetOrigins in the validator', () => {
  it('takes origins and defaults to none', () => {
    expect(validateConfig({}).ui.trustedAssetOrigins).toEqual([]);
    expect(
      validateConfig({ ui: { trustedAssetOrigins: ['https://cdn.example', 'http://127.0.0.1:8080'] } }).ui.trustedAssetOrigins,
    ).toEqual(['https://cdn.example', 'http://127.0.0.1:8080']);
  });

  it.each(['https://cdn.example/', 'https://cdn.example/path', 'cdn.example', 'javascript:alert(1)', '*'])('refuses %s', (origin) => {
    expect(() => validateConfig({ ui: { trustedAssetOrigins: [origin] } })).toThrow(/ui\.trustedAssetOrigins\[0\].*origin/);
  });
});
