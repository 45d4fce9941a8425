// @vitest-environment happy-dom
/**
 * Issue 24 #12: `integrations.dataLayer.name` naming something the page already holds (`location`, the
 * Consentry API…) threw while configuring, so no banner ever showed. The validator refuses the names every
 * page has; at run time a name the page alone took is skipped with one warning.
 */
import { atom } from 'nanostores';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../src/config/errors';
import { validateConfig } from '../../src/config/validate';
import type { ConsentState } from '../../src/consent/types';
import { installDataLayer } from '../../src/integrations/data-layer';
import { installGoogleConsentMode } from '../../src/integrations/google-consent-mode';
import type { PageWindow } from '../../src/integrations/host';
import { choiceParts } from '../../src/loader/choice-parts';
import { configuredEffects } from '../../src/loader/effects';
import { createRuntime } from '../../src/loader/runtime';
import { settingsWith, stateWith } from '../e2e/integrations/fixtures';

const problemsOf = (name: string) => {
  try {
    validateConfig({ integrations: { dataLayer: { enabled: true, name } } }, () => {});
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

afterEach(() => vi.restoreAllMocks());

describe('the validator', () => {
  it.each(['location', 'Consentry', 'document', 'window', 'top', 'self', 'name', 'parent', 'gtag', '__consentryShared'])(
    'refuses %s, saying why',
    (name) => {
      expect(problemsOf(name)).toEqual([
        {
          path: 'integrations.dataLayer.name',
          message: `"${name}" must be a JavaScript name such as "dataLayer", and not one the page has already (window, document, location, Consentry…)`,
        },
      ]);
    },
  );

  it.each(['dataLayer', 'tagLayer', 'locationLayer', 'myDocument', '_dl', 'names'])('accepts %s', (name) => {
    expect(problemsOf(name)).toEqual([]);
  });
});

describe('at run time, a name the page took for something else', () => {
  const taken = () => ({ myLayer: { version: 2 } }) as unknown as PageWindow;

  it('dataLayer events are skipped with one warning naming it, and nothing throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const $state = atom<ConsentState>(stateWith());
    const win = taken();
    expect(() => installDataLayer({ $state, settings: settingsWith({ dataLayer: { enabled: true, name: 'myLayer' } }), window: win })).not.toThrow();
    $state.set(stateWith({ record: true, categories: { analytics: true } }));
    expect(win.myLayer).toEqual({ version: 2 });
    expect(warn.mock.calls).toEqual([
      ['consentry: window.myLayer is not a list, so dataLayer events are not pushed; set integrations.dataLayer.name to a free name'],
    ]);
  });

  it('Consent Mode commands are skipped with one warning, however often consent changes', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const $state = atom<ConsentState>(stateWith());
    const win = taken();
    const settings = settingsWith({ googleConsentMode: { enabled: true }, dataLayer: { name: 'myLayer' } });
    expect(() => installGoogleConsentMode({ $state, settings, window: win })).not.toThrow();
    $state.set(stateWith({ record: true, categories: { analytics: true } }));
    $state.set(stateWith({ record: true, categories: { advertising: true } }));
    expect(win.myLayer).toEqual({ version: 2 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/window\.myLayer is not a list, so Consent Mode commands are not pushed/);
  });

  it('the page\'s own gtag still gets the commands (the name is then its business)', () => {
    const $state = atom<ConsentState>(stateWith());
    const gtag = vi.fn();
    const win = { ...taken(), gtag } as unknown as PageWindow;
    installGoogleConsentMode({ $state, settings: settingsWith({ googleConsentMode: { enabled: true }, dataLayer: { name: 'myLayer' } }), window: win });
    expect(gtag).toHaveBeenCalledWith('consent', 'default', expect.any(Object));
  });

  it('the runtime still configures and shows the banner (window.name is a string)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const views: string[] = [];
    const runtime = createRuntime({
      configured: configuredEffects(() => undefined),
      loadUi: async () => ({ show: (_c: unknown, view: string) => void views.push(view), hide() {}, unmount() {} }) as never,
      loadLanguage: async () => null,
      parts: () => choiceParts,
    });
    const settings = settingsWith({ dataLayer: { enabled: true, name: 'name' }, googleConsentMode: { enabled: true } });
    expect(() => runtime.configure(settings)).not.toThrow();
    await vi.waitFor(() => expect(views).toEqual(['banner']));
    expect(console.warn).toHaveBeenCalledTimes(2);
    runtime.api.destroy();
  });
});
