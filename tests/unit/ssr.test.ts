import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Server-side rendering: the built npm file is imported in plain Node, with no window and no document.
const built = new URL('../../dist/consentry.mjs', import.meta.url);

describe.runIf(existsSync(built))('the built npm entry in Node', () => {
  it('imports without a DOM and gives an inert instance', async () => {
    expect(typeof (globalThis as any).window).toBe('undefined');
    const { createConsent, validateConfig, ConfigError } = await import(built.href);
    const consent = createConsent({ revision: 1 });
    expect(consent.get()).toMatchObject({ status: 'pending', categories: { essential: true, analytics: false, advertising: false } });
    expect(consent.isGranted('analytics')).toBe(false);
    expect(() => {
      consent.acceptAll();
      consent.rejectAll();
      consent.set({ categories: { analytics: true } });
      consent.reset();
      consent.hide();
      consent.on('change', () => {})();
      consent.destroy();
    }).not.toThrow();
    await expect(consent.showBanner()).resolves.toBeUndefined();
    expect(consent.get().categories.analytics).toBe(false);
    expect(() => validateConfig({ revision: -1 })).toThrow(ConfigError);
  });

  it('still throws a ConfigError for an invalid config', async () => {
    const { createConsent, ConfigError } = await import(built.href);
    expect(() => createConsent({ categories: [{ id: 'Bad Id' }] })).toThrow(ConfigError);
  });
});

describe.runIf(existsSync(new URL('../../dist/rewrite.mjs', import.meta.url)))('the built rewriter entry in Node', () => {
  it('holds a tracker tag and leaves the rest byte-identical', async () => {
    const { createRewriter, validateConfig } = await import(new URL('../../dist/rewrite.mjs', import.meta.url).href);
    const rewriter = createRewriter({ settings: validateConfig({}), grantedCategories: ['essential'] });
    const html = '<!doctype html><html><head><script src="https://hm.baidu.com/hm.js?x"></script></head><body><p>Hi</p></body></html>';
    const out: string = await rewriter.rewrite(html, { url: 'https://shop.example/' });
    expect(out).toContain('data-src="https://hm.baidu.com/hm.js?x"');
    expect(out).toContain('type="text/plain"');
    expect(out.replace(/<script[^>]*><\/script>/, '')).toBe(html.replace(/<script[^>]*><\/script>/, ''));
  });
});
