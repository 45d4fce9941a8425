import { atom, batch } from 'nanostores';
import { describe, expect, it } from 'vitest';
import type { ConsentState } from '../../src/core/policy/types';
import {
  CONSENT_TYPES,
  consentModeDefaults,
  consentModeMapping,
  consentModeState,
} from '../../src/loader/effects/integrations/consent-mode-state';
import { installGoogleConsentMode, setConsentModeDefaults } from '../../src/loader/effects/integrations/google-consent-mode';
import { firstListeners } from '../../src/loader/first-listeners';
import type { PageWindow } from '../../src/loader/effects/integrations/contract';
import { settingsWith, stateWith } from '../e2e/integrations/fixtures';
import { createConsentModel } from '../e2e/integrations/google-consent-model';

const isArguments = (value: unknown) => Object.prototype.toString.call(value) === '[object Arguments]';
/** The data layer as plain arrays, e.g. ['consent', 'default', {...}]. */
const commands = (win: PageWindow, name = 'dataLayer') => (win[name] as unknown[]).map((entry) => [...(entry as unknown[])]);

describe('Consent Mode mapping', () => {
  it('maps the built-in categories to the seven types; functionality is essential without a preferences category', () => {
    expect(CONSENT_TYPES).toHaveLength(7);
    expect(consentModeMapping(settingsWith({}))).toEqual({
      ad_storage: 'advertising',
      ad_user_data: 'advertising',
      ad_personalization: 'advertising',
      analytics_storage: 'analytics',
      functionality_storage: 'essential',
      personalization_storage: 'preferences',
      security_storage: 'essential',
    });
  });

  it('uses a preferences category for functionality and personalization when the site has one', () => {
    const mapping = consentModeMapping(settingsWith({}, ['essential', 'preferences', 'analytics']));
    expect(mapping.functionality_storage).toBe('preferences');
    expect(mapping.personalization_storage).toBe('preferences');
  });

  it('lets the owner override single types', () => {
    const mapping = consentModeMapping(
      settingsWith({ googleConsentMode: { mapping: { ad_user_data: 'analytics', personalization_storage: 'analytics' } } }),
    );
    expect(mapping).toMatchObject({ ad_user_data: 'analytics', personalization_storage: 'analytics', ad_storage: 'advertising' });
  });

  it('grants a type only when its category is granted; a missing category denies', () => {
    const mapping = consentModeMapping(settingsWith({}));
    expect(consentModeState({ essential: true, analytics: true, advertising: false }, mapping)).toEqual({
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'granted',
      functionality_storage: 'granted',
      personalization_storage: 'denied',
      security_storage: 'granted',
    });
    expect(consentModeState({ essential: true, advertising: true }, mapping).ad_personalization).toBe('granted');
  });
});

describe('Consent Mode defaults and region precedence', () => {
  const settings = settingsWith({
    googleConsentMode: {
      waitForUpdate: 800,
      regionDefaults: [
        { regions: ['US'], ad_storage: 'granted', ad_user_data: 'granted', analytics_storage: 'granted' },
        { regions: ['US-CA', 'US-CO'], ad_storage: 'denied' },
      ],
    },
  });
  const defaults = consentModeDefaults(settings, consentModeMapping(settings));

  it('puts region-scoped defaults first and the region-less one, covering all seven types, last', () => {
    expect(defaults).toEqual([
      { ad_storage: 'granted', ad_user_data: 'granted', analytics_storage: 'granted', region: ['US'], wait_for_update: 800 },
      { ad_storage: 'denied', region: ['US-CA', 'US-CO'], wait_for_update: 800 },
      { ...consentModeState({ essential: true }, consentModeMapping(settings)), wait_for_update: 800 },
    ]);
    expect(Object.keys(defaults[2]).filter((key) => CONSENT_TYPES.includes(key))).toHaveLength(7);
  });

  it('resolves per type to the most specific region, as Google documents', () => {
    const resolve = (region: string) => {
      const model = createConsentModel(region);
      for (const command of [...defaults].reverse()) model.consent('default', command); // order must not matter
      return model.values;
    };
    expect(resolve('US-CA')).toMatchObject({ ad_storage: 'denied', ad_user_data: 'granted', analytics_storage: 'granted' });
    expect(resolve('US-NY')).toMatchObject({ ad_storage: 'granted', ad_user_data: 'granted', analytics_storage: 'granted' });
    expect(resolve('DE')).toMatchObject({ ad_storage: 'denied', analytics_storage: 'denied', security_storage: 'granted' });
  });

  it('waits 500 ms for an update by default, or as configured (0: not at all)', () => {
    const wait = (googleConsentMode: object) => {
      const settings = settingsWith({ googleConsentMode });
      return consentModeDefaults(settings, consentModeMapping(settings))[0].wait_for_update;
    };
    expect(wait({})).toBe(500);
    expect(wait({ waitForUpdate: 0 })).toBe(0);
  });
});

describe('setConsentModeDefaults', () => {
  const settings = settingsWith({ googleConsentMode: { adsDataRedaction: true, urlPassthrough: true } });

  it("defines dataLayer and a gtag that pushes Arguments objects, like Google's snippet", () => {
    const win = {} as unknown as PageWindow;
    setConsentModeDefaults(settings, stateWith(), win);
    expect(typeof win.gtag).toBe('function');
    expect((win.dataLayer as unknown[]).every(isArguments)).toBe(true);
  });

  it('without a record: default, then the redaction and passthrough switches, and no update', () => {
    const win = {} as unknown as PageWindow;
    setConsentModeDefaults(settings, stateWith(), win);
    expect(commands(win).map((command) => command.slice(0, 2))).toEqual([
      ['consent', 'default'],
      ['set', 'ads_data_redaction'],
      ['set', 'url_passthrough'],
    ]);
    expect(commands(win)[1][2]).toBe(true);
  });

  it('with a stored record: the update follows the default at once, even when it refuses everything', () => {
    for (const advertising of [true, false]) {
      const win = {} as unknown as PageWindow;
      setConsentModeDefaults(settings, stateWith({ record: true, categories: { analytics: true, advertising } }), win);
      const last = commands(win).at(-1)!;
      expect(last.slice(0, 2)).toEqual(['consent', 'update']);
      expect(last[2]).toMatchObject({ analytics_storage: 'granted', ad_storage: advertising ? 'granted' : 'denied' });
    }
  });

  it("in an opt-out region without a record, the regime's grants are sent as an update", () => {
    const win = {} as unknown as PageWindow;
    setConsentModeDefaults(settings, stateWith({ regime: 'opt-out', categories: { analytics: true, advertising: true } }), win);
    expect(commands(win).at(-1)![1]).toBe('update');
  });

  it("uses the page's own gtag and a configured data layer name", () => {
    const calls: unknown[][] = [];
    const win = { gtag: (...args: unknown[]) => calls.push(args) } as unknown as PageWindow;
    setConsentModeDefaults(settingsWith({ googleConsentMode: {}, dataLayer: { name: 'tagLayer' } }), stateWith(), win);
    expect(calls[0].slice(0, 2)).toEqual(['consent', 'default']);
    const fresh = {} as unknown as PageWindow;
    setConsentModeDefaults(settingsWith({ dataLayer: { name: 'tagLayer' } }), stateWith(), fresh);
    expect(fresh.tagLayer).toHaveLength(1);
    expect(fresh.dataLayer).toBeUndefined();
  });
});

describe('installGoogleConsentMode', () => {
  it('sends no update for the change its defaults already covered, though a batch announces it after the install', () => {
    const $state = atom<ConsentState>(stateWith());
    const win = {} as unknown as PageWindow;
    const beforeEffects = firstListeners($state);
    // As the runtime applies a config: decide, then install the integrations, in one batch.
    batch(() => {
      $state.set(stateWith({ record: true, categories: { analytics: true } }));
      installGoogleConsentMode({ $state, settings: settingsWith({}), window: win }, beforeEffects);
    });
    // One update, right after the defaults (a stored choice), not a second one from the batch.
    expect(commands(win).filter((command) => command[1] === 'update')).toHaveLength(1);
    $state.set(stateWith());
    expect(commands(win).filter((command) => command[1] === 'update')).toHaveLength(2);
  });

  it("sends an update on every change, before the effects' listeners run (the gate releases tags there)", () => {
    const $state = atom<ConsentState>(stateWith());
    const win = {} as unknown as PageWindow;
    const seenByEarlierListener: number[] = [];
    // As in the runtime: first listeners, then the gate's listener, then (with the config) Consent Mode.
    const beforeEffects = firstListeners($state);
    $state.listen(() => seenByEarlierListener.push(commands(win).filter((command) => command[1] === 'update').length));
    const uninstall = installGoogleConsentMode({ $state, settings: settingsWith({}), window: win }, beforeEffects);
    $state.set(stateWith({ record: true, categories: { analytics: true } }));
    expect(seenByEarlierListener).toEqual([1]);
    expect(commands(win).at(-1)).toEqual([
      'consent',
      'update',
      expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'denied' }),
    ]);
    $state.set(stateWith({ record: true, categories: { analytics: true, advertising: true } }));
    expect(commands(win).at(-1)![2]).toMatchObject({ ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' });
    uninstall();
    const length = commands(win).length;
    $state.set(stateWith());
    expect(commands(win)).toHaveLength(length);
  });
});
