// @vitest-environment happy-dom
/** Issue 20: a site without advertising (or analytics) hides the built-in category it does not use. */
import { describe, expect, it } from 'vitest';
import type { ConfigError } from '../../src/core/config/errors';
import { validateConfig } from '../../src/core/config/validate';
import { choiceParts } from '../../src/parts/choice-parts';
import { createRuntime } from '../../src/loader/runtime';

const problemsOf = (config: unknown) => {
  try {
    validateConfig(config, () => {});
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};
const HIDE_ADS = [{ id: 'advertising', hidden: true }];

describe('categories[].hidden', () => {
  it('takes a built-in optional category out of the settings; hidden: false changes nothing', () => {
    expect(validateConfig({ categories: HIDE_ADS }).categories.map((c) => c.id)).toEqual(['essential', 'analytics']);
    expect(validateConfig({ categories: [{ id: 'analytics', hidden: true }, ...HIDE_ADS] }).categories.map((c) => c.id)).toEqual([
      'essential',
    ]);
    const kept = validateConfig({ categories: [{ id: 'advertising', hidden: false, title: 'Ads' }] }).categories;
    expect(kept[2]).toEqual({ id: 'advertising', title: 'Ads', description: '', required: false });
  });

  it("cannot hide essential or a category of the config's own", () => {
    const message = 'can only hide "analytics" or "advertising"; leave a category of your own out instead';
    expect(problemsOf({ categories: [{ id: 'essential', hidden: true }] })).toEqual([{ path: 'categories[0].hidden', message }]);
    expect(problemsOf({ categories: [{ id: 'social', hidden: true }] })).toEqual([{ path: 'categories[0].hidden', message }]);
  });

  it('refuses anything that still refers to the hidden category, saying it is hidden', () => {
    const problems = problemsOf({
      categories: HIDE_ADS,
      services: [{ id: 'ads', category: 'advertising' }],
      blocking: { rules: [{ match: 'ads.example', category: 'advertising' }], categoryAliases: { marketing: 'advertising' } },
      integrations: { googleConsentMode: { mapping: { ad_storage: 'advertising' } } },
    });
    expect(problems).toEqual([
      { path: 'services[0].category', message: '"advertising" is a hidden category (categories[].hidden)' },
      { path: 'blocking.rules[0].category', message: '"advertising" is a hidden category (categories[].hidden)' },
      { path: 'blocking.categoryAliases.marketing', message: '"advertising" is a hidden category (categories[].hidden)' },
      { path: 'integrations.googleConsentMode.mapping.ad_storage', message: '"advertising" is a hidden category (categories[].hidden)' },
    ]);
  });

  it('is never granted, not even by "Accept all" or an opt-out regime', () => {
    for (const regime of ['opt-in', 'opt-out'] as const) {
      const runtime = createRuntime({
        loadUi: async () => ({ show() {}, hide() {}, unmount() {} }),
        loadLanguage: async () => null,
        parts: () => choiceParts,
      });
      runtime.configure(validateConfig({ categories: HIDE_ADS, regions: { default: regime } }));
      runtime.api.acceptAll();
      expect(runtime.api.isGranted('analytics')).toBe(true);
      expect(runtime.api.isGranted('advertising')).toBe(false);
      expect(runtime.api.get().categories).toEqual({ essential: true, analytics: true });
      runtime.api.destroy();
      document.cookie = 'consentry=; max-age=0; path=/';
    }
  });
});
