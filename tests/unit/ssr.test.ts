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
