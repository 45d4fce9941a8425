// @vitest-environment happy-dom
/**
 * Issue 24 #12: `integrations.dataLayer.name` naming something the page already holds (`location`, the
 * Consentry API…) threw while configuring, so no banner ever showed. The validator refuses the names every
 * page has; at run time a name the page alone took is skipped with one warning.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConfigError } from '../../src/core/config/errors';
import { validateConfig } from '../../src/core/config/validate';
import type { IntegrationsConfig } from '../../src/core/config/types';
import type { PageWindow } from '../../src/loader/effects/integrations/contract';
import { isPageList } from '../../src/loader/effects/integrations/page-list';
import { choiceParts } from '../../src/parts/choice-parts';
import { configuredEffects } from '../../src/loader/effect-order';
import { createRuntime } from '../../src/loader/runtime';
import { settingsWith } from '../e2e/integrations/fixtures';

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
  const start = (integrations: IntegrationsConfig) => {
    const views: string[] = [];
    const runtime = createRuntime({
      configured: configuredEffects(() => undefined),
      loadUi: async () => ({ show: (_c: unknown, view: string) => void views.push(view), hide() {}, unmount() {} }) as never,
      loadLanguage: async () => null,
      parts: () => choiceParts,
    });
    expect(() => runtime.configure(settingsWith(integrations))).not.toThrow();
    return { runtime, views };
  };
  const WARNING = 'consentry: window.myLayer is not a list: integrations.dataLayer and googleConsentMode are off';

  afterEach(() => {
    delete (window as PageWindow).myLayer;
    delete (window as PageWindow).gtag;
  });

  it('turns dataLayer events and Consent Mode off with one warning, however often consent changes, and the banner shows', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    (window as PageWindow).myLayer = { version: 2 };
    const { runtime, views } = start({ dataLayer: { enabled: true, name: 'myLayer' }, googleConsentMode: { enabled: true } });
    await vi.waitFor(() => expect(views).toEqual(['banner']));
    runtime.api.acceptAll();
    runtime.api.rejectAll();
    expect((window as PageWindow).myLayer).toEqual({ version: 2 });
    expect(warn.mock.calls).toEqual([[WARNING]]);
    runtime.api.destroy();
  });

  it('a free name gets its events (the check does not turn a working layer off)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { runtime } = start({ dataLayer: { enabled: true, name: 'myLayer' } });
    expect((window as PageWindow).myLayer).toEqual([expect.objectContaining({ event: 'consentry_ready' })]);
    expect(warn).not.toHaveBeenCalled();
    runtime.api.destroy();
  });

  it('isPageList: missing or a list is usable; anything else is not, and says so', () => {
    const warn = vi.fn();
    const win = { list: [], text: 'x', fn() {}, object: {} } as unknown as PageWindow;
    expect(['missing', 'list', 'text', 'fn', 'object'].map((name) => isPageList(win, name, warn))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(warn).toHaveBeenCalledTimes(3);
  });
});
