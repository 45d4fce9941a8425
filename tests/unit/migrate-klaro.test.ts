import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { detectSource } from '../../src/node/migrate/detect-source';
import { extractConfigObject } from '../../src/node/migrate/extract-config';
import { migrateConfig } from '../../src/node/migrate/migrate-config';

// klaro's own annotated example config, as shipped in its package (a dev dependency here).
const KLARO_EXAMPLE = new URL('../../node_modules/klaro/dist/config.js', import.meta.url);

const noteAt = (notes: string[], path: string) => notes.filter((note) => note.startsWith(path + ':'));

describe("klaro's example config (node_modules/klaro/dist/config.js)", () => {
  it('is present: klaro is a dev dependency', () => expect(existsSync(KLARO_EXAMPLE)).toBe(true));
  const extracted = extractConfigObject(readFileSync(KLARO_EXAMPLE, 'utf8'), 'config.js');
  const { config, notes } = migrateConfig(extracted.value, 'klaro');

  it('is recognised as klaro and converts to a config that validates', () => {
    expect(detectSource(extracted.value)).toBe('klaro');
    expect(() => validateConfig(config, () => {})).not.toThrow();
  });

  it('keeps service names that are valid ids, and says which were renamed (data-name markup keeps matching them)', () => {
    expect(config.services!.map((s) => s.id)).toEqual([
      'twitter',
      'youtube',
      'matomo',
      'inlinetracker',
      'externaltracker',
      'intercom',
      'mouseflow',
      'adsense',
      'camera',
      'cloudflare',
    ]);
    // The loader reads data-name="inlineTracker" as "inlinetracker", so the markup needs no change.
    expect(noteAt(notes, 'services[3]')[0]).toMatch(/id "inlinetracker" \(data-name="inlineTracker" on your pages still matches it/);
    expect(notes.join('\n')).not.toMatch(/change data-name=/);
  });

  it('turns purposes into categories: built-in ones by meaning, others of their own, required services essential', () => {
    const categoryOf = Object.fromEntries(config.services!.map((s) => [s.id, s.category]));
    expect(categoryOf).toMatchObject({
      twitter: 'advertising',
      matomo: 'analytics',
      intercom: 'livechat',
      camera: 'security',
      cloudflare: 'essential',
    });
    expect(config.categories!.find((c) => c.id == 'livechat')).toEqual({ id: 'livechat', title: { de: 'Live Chat', en: 'Livechat' } });
    expect(noteAt(notes, 'services[4].purposes')[0]).toMatch(/one category: "analytics" of "analytics", "security"/);
    expect(noteAt(notes, 'services[0].purposes')[0]).toMatch(/"marketing" became the category "advertising"/);
  });

  it('carries titles, descriptions per language and cookies (regular expressions as prefixes, with their domains)', () => {
    const matomo = config.services!.find((s) => s.id == 'matomo')!;
    expect(matomo.name).toBe('Matomo/Piwik');
    expect(matomo.purpose).toEqual({ de: 'Sammeln von Besucherstatistiken', en: 'Collecting of visitor statistics' });
    expect(matomo.cookies).toEqual([
      { name: '_pk_', prefix: true, domain: 'klaro.kiprotect.com' },
      { name: '_pk_', prefix: true, domain: 'localhost' },
      { name: 'piwik_ignore' },
    ]);
    expect(config.services!.find((s) => s.id == 'adsense')!.name).toBe('Google AdSense Werbezeugs');
  });

  it('carries the cookie lifetime, the theme and the privacy policy, and notes what it leaves', () => {
    expect(config.cookie).toEqual({ expiresDays: 365 });
    expect(config.ui).toMatchObject({ theme: 'light', layout: 'bar-top', privacyPolicyUrl: '/#privacy' });
    expect(config.texts!.en.preferencesTitle).toBe('test');
    expect(noteAt(notes, 'translations.en.consentModal.title')[0]).toMatch(/HTML became plain text/);
    expect(noteAt(notes, 'services[1].default')[0]).toMatch(/opt-in/);
    expect(noteAt(notes, 'services[2].callback')[0]).toMatch(/consent\.on\('change'/);
    expect(noteAt(notes, 'cookieName')[0]).toMatch(/"klaro".*asked once again/);
    expect(noteAt(notes, 'consentry config cookie.expiresDays')[0]).toMatch(/longer than the recommended 182/);
  });
});

describe('other klaro configs', () => {
  it('puts a notice that names {purposes} into bannerPurposes, zz texts under every language, and contextual-consent texts into the placeholder', () => {
    const { config, notes } = migrateConfig(
      {
        storageName: 'klaro-consent',
        cookieDomain: '.example.org',
        mustConsent: true,
        lang: 'de',
        translations: {
          zz: { privacyPolicyUrl: '/datenschutz', decline: 'Nein danke' },
          de: {
            consentNotice: {
              description: 'Dürfen wir Dienste für {purposes} nutzen? <b>Jederzeit</b> widerrufbar.',
              learnMore: 'Anpassen',
            },
            consentModal: { description: 'Lesen Sie unsere {privacyPolicy}.' },
            privacyPolicy: { name: 'Datenschutzerklärung' },
            contextualConsent: { description: 'Inhalt von {title} laden?', acceptOnce: 'Einmal', acceptAlways: 'Immer' },
            purposes: { functional: { title: 'Funktional', description: 'Karten und Chat' } },
            ok: 'OK',
          },
        },
        apps: [
          { name: 'googleMaps', title: 'Google Maps', purposes: ['functional'], cookies: [/^NID$/, ['_ga', '/', '.example.org']] },
          { name: 'analytics', purposes: ['statistics'] },
        ],
      },
      'klaro',
    );
    expect(() => validateConfig(config, () => {})).not.toThrow();
    expect(config.language).toBe('de');
    expect(config.cookie).toEqual({ domain: 'example.org' });
    expect(config.ui).toEqual({ layout: 'modal', privacyPolicyUrl: '/datenschutz' });
    expect(config.texts!.de).toEqual({
      customize: 'Anpassen',
      preferencesText: 'Lesen Sie unsere Datenschutzerklärung.',
      acceptAll: 'OK',
      rejectAll: 'Nein danke',
      loadOnce: 'Einmal',
      alwaysAllow: 'Immer',
      placeholderText: 'Inhalt von {service} laden?',
      bannerPurposes: 'Dürfen wir Dienste für {purposes} nutzen? Jederzeit widerrufbar.',
    });
    expect(config.categories).toEqual([{ id: 'functional', title: 'Funktional', description: 'Karten und Chat' }]);
    expect(config.services).toEqual([
      { id: 'googlemaps', category: 'functional', name: 'Google Maps', cookies: [{ name: 'NID' }, { name: '_ga', domain: 'example.org' }] },
      // A service may not take a category's id ("analytics"): isGranted takes either.
      { id: 'analytics-service', category: 'analytics', name: 'analytics' },
    ]);
    expect(noteAt(notes, 'apps')[0]).toMatch(/klaro before 0\.7/);
    expect(noteAt(notes, 'storageName')[0]).toMatch(/"klaro-consent"/);
    expect(noteAt(notes, 'mustConsent')[0]).toMatch(/modal/);
    expect(noteAt(notes, 'services[1]').join('\n')).toMatch(/has a category's id, so it is "analytics-service"/);
  });

  it('refuses a config without a services list', () => {
    expect(() => migrateConfig({ translations: {} }, 'klaro')).toThrow(/no "services" list/);
  });

  it('puts a service without purposes in an "other" category and says so', () => {
    const { config, notes } = migrateConfig({ services: [{ name: 'chat' }, { title: 'nameless' }] }, 'klaro');
    expect(config.services).toEqual([{ id: 'chat', category: 'other', name: 'chat' }]);
    expect(config.categories).toEqual([{ id: 'other', title: 'Other' }]);
    expect(noteAt(notes, 'services[1]')[0]).toMatch(/without a name/);
    expect(noteAt(notes, 'services[0]')[0]).toMatch(/"other"/);
  });

  it('asks for the markup to change only where data-name, read in lower case, is not the id', () => {
    const purposes = ['analytics'];
    const services = [
      { name: 'googleAnalytics', purposes },
      { name: 'googleanalytics', purposes },
      { name: 'Page Stats', purposes },
    ];
    const { config, notes } = migrateConfig({ services }, 'klaro');
    expect(config.services!.map((s) => s.id)).toEqual(['googleanalytics', 'googleanalytics-2', 'page-stats']);
    expect(noteAt(notes, 'services[0]').join('\n')).not.toMatch(/change data-name/);
    expect(noteAt(notes, 'services[1]').join('\n')).toMatch(/change data-name="googleanalytics" to data-service="googleanalytics-2"/);
    expect(noteAt(notes, 'services[2]').join('\n')).toMatch(/change data-name="Page Stats" to data-service="page-stats"/);
  });
});
