import { describe, expect, it } from 'vitest';
import { compileSettings, hashOf, readCompiled } from '../../src/core/config/compiled';
import { validateConfig } from '../../src/core/config/validate';

// The compiled config (`consentry build-config --compiled`): applied by the loader without the validator,
// after a cheap structural check that refuses anything the validator did not make for this release.

const settings = validateConfig({ revision: 1, services: [{ id: 'ga', category: 'analytics' }] }, () => {});
const compiled = () => JSON.parse(JSON.stringify(compileSettings(settings, '1.2.3')));
const rehash = (config: any) => ({ ...config, hash: hashOf(JSON.stringify(config.settings)) });

describe('readCompiled', () => {
  it('leaves a raw config to the validator', () => {
    expect(readCompiled({ revision: 1 }, '1.2.3')).toBeUndefined();
    expect(readCompiled(undefined, '1.2.3')).toBeUndefined();
    expect(readCompiled('{"consentryCompiled":"1.2.3"}', '1.2.3')).toBeUndefined();
    // Only an own marker: a polluted prototype does not turn a raw config into a trusted one.
    expect(readCompiled(Object.create({ consentryCompiled: '1.2.3' }), '1.2.3')).toBeUndefined();
  });

  it('gives back the validator’s settings, unchanged, for a compiled config of this release', () => {
    expect(readCompiled(compiled(), '1.2.3')).toEqual(JSON.parse(JSON.stringify(settings)));
  });

  it('refuses one from another release, with the fix in the message', () => {
    const error = readCompiled(compiled(), '1.2.4');
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/release 1\.2\.3, this loader is 1\.2\.4.*build-config --compiled/);
  });

  it('refuses one edited after compiling (hash mismatch)', () => {
    const edited = compiled();
    edited.settings.categories[1].default = true;
    expect((readCompiled(edited, '1.2.3') as Error).message).toMatch(/hash does not match/);
    expect(readCompiled({ ...compiled(), settings: null }, '1.2.3')).toBeInstanceOf(Error);
  });

  it.each([
    ['a missing part', (s: any) => delete s.blocking],
    ['a part of the wrong type', (s: any) => (s.categories = {})],
    ['a missing cookie name', (s: any) => delete s.cookie.name],
    ['an asset URL that is not a string', (s: any) => (s.ui.assetsUrl = 1)],
    ['a category without an id', (s: any) => (s.categories[0] = {})],
    ['no blocking rules', (s: any) => delete s.blocking.rules],
  ])('refuses one with %s even when its hash was made to match', (_name, edit) => {
    const config = compiled();
    edit(config.settings);
    expect((readCompiled(rehash(config), '1.2.3') as Error).message).toMatch(/settings incomplete/);
  });
});

describe('hashOf', () => {
  it('is FNV-1a 32 as 8 hex digits', () => {
    expect(hashOf('')).toBe('811c9dc5');
    expect(hashOf('a')).toBe('e40c292c');
    expect(hashOf('foobar')).toBe('bf9cf968');
  });
});
