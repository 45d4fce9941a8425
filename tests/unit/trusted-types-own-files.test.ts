// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';

// The Trusted Types policy vouches, as the SDK's own code, only for its known files in the folder the
// loader chose (issue 24 #3). happy-dom has no Trusted Types: a stand-in hands the rules back as the policy.
let trusted: typeof import('../../src/loader/effects/trusted-types');
beforeAll(async () => {
  (window as unknown as { trustedTypes: object }).trustedTypes = { createPolicy: (_name: string, rules: object) => rules };
  trusted = await import('../../src/loader/effects/trusted-types');
});

describe('own files through the policy', () => {
  it.each(['consentry-parts.min.js', 'consentry-ui.min.js', 'consentry-gpp.min.js', 'i18n/de.min.js'])(
    'passes %s in the folder',
    (file) => {
      expect(trusted.toOwnScriptURL('https://shop.example/c/', file)).toBe('https://shop.example/c/' + file);
    },
  );

  it.each([
    'evil.js',
    '../x/consentry-ui.min.js',
    'consentry-ui.min.js?x=1',
    'i18n/../../evil.min.js',
    '//evil.example/consentry-ui.min.js',
  ])('refuses %s', (file) => {
    expect(() => trusted.toOwnScriptURL('https://shop.example/c/', file)).toThrow(/not its file/);
  });

  it("a marked tag's URL still passes as the owner wrote it", () => {
    expect(trusted.toScriptURL('https://cdn.vendor.example/tag.js')).toBe('https://cdn.vendor.example/tag.js');
  });
});
