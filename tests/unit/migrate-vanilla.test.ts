import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { extractConfigObject } from '../../src/node/migrate/extract-config';
import { migrateConfig } from '../../src/node/migrate/migrate-config';

// A vanilla-cookieconsent v3 setup as sites write it: a module that imports the library and calls
// CookieConsent.run with categories, services, autoClear, cookie options, a layout and two languages.
const SITE_CONFIG_JS = `
import 'vanilla-cookieconsent/dist/cookieconsent.css';
import * as CookieConsent from 'vanilla-cookieconsent';

const GA_COOKIES = [{ name: /^_ga/ }, { name: '_gid' }];

CookieConsent.run({
  revision: 3,
  cookie: { name: 'cc_cookie', domain: '.shop.example', expiresAfterDays: (type) => (type === 'all' ? 365 : 182), sameSite: 'lax' },
  guiOptions: {
    consentModal: { layout: 'bar inline', position: 'top', equalWeightButtons: false },
    preferencesModal: { layout: 'box', position: 'right' },
  },
  onFirstConsent: ({ cookie }) => console.log('first', cookie),
  onChange: ({ changedCategories }) => console.log(changedCategories),
  categories: {
    necessary: { enabled: true, readOnly: true },
    analytics: {
      enabled: true,
      autoClear: { cookies: GA_COOKIES, reloadPage: true },
      services: {
        ga: { label: 'Google Analytics 4', onAccept: () => gtag('consent', 'update', {}), cookies: GA_COOKIES },
        'Hotjar Recording': { label: '<b>Hotjar</b> session recording', cookies: [{ name: /^_hj/ }] },
      },
    },
    marketing: {
      autoClear: { cookies: [{ name: '_fbp', domain: location.hostname }, { name: /^(IDE|test_cookie)$/ }, { name: /ads?_[a-z]+/i }] },
    },
    functionality: {},
  },
  language: {
    default: 'en',
    autoDetect: 'browser',
    translations: {
      en: {
        consentModal: {
          title: 'We use cookies',
          description: 'We use cookies to measure &amp; improve our shop. <a href="#" data-cc="show-preferencesModal">Manage preferences</a>',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Manage preferences',
          footer: '<a href="/privacy-policy">Privacy Policy</a> <a href="/imprint">Imprint</a>',
        },
        preferencesModal: {
          title: 'Cookie preferences',
          savePreferencesBtn: 'Save preferences',
          closeIconLabel: 'Close',
          sections: [
            { title: 'Your privacy', description: 'Choose which cookies we may use.' },
            { title: 'Strictly necessary', description: 'Needed for the cart and sign-in.', linkedCategory: 'necessary' },
            {
              title: 'Analytics',
              description: 'Help us understand how the shop is used.',
              linkedCategory: 'analytics',
              cookieTable: {
                headers: { name: 'Cookie', domain: 'Domain', expiration: 'Expires', desc: 'Description' },
                body: [
                  { name: '_ga', domain: 'shop.example', expiration: '2 years', desc: 'Distinguishes visitors' },
                  { name: '_gid', domain: 'shop.example', expiration: '1 day', desc: 'Distinguishes visitors' },
                  { name: '_clck', domain: 'shop.example', expiration: '1 year', desc: 'Clarity visitor id' },
                ],
              },
            },
            { title: 'Marketing', description: 'Personalised ads.', linkedCategory: 'marketing' },
            { title: 'More information', description: 'Questions? <a href="/contact">Contact us</a>.' },
          ],
        },
      },
      de: {
        consentModal: { title: 'Wir verwenden Cookies', acceptAllBtn: 'Alle akzeptieren', acceptNecessaryBtn: 'Alle ablehnen' },
        preferencesModal: {
          sections: [
            { title: 'Analyse', description: 'Hilft uns, den Shop zu verbessern.', linkedCategory: 'analytics',
              cookieTable: { headers: { name: 'Name', expiration: 'Ablauf' }, body: [{ name: '_ga', expiration: '2 Jahre' }] } },
          ],
        },
      },
      fr: './lang/fr.json',
    },
  },
});
`;

function migrate(text = SITE_CONFIG_JS) {
  const extracted = extractConfigObject(text, 'cookieconsent-config.js');
  const result = migrateConfig(extracted.value, 'vanilla-cookieconsent');
  return { ...result, notes: [...extracted.notes, ...result.notes] };
}

const noteAt = (notes: string[], path: string) => notes.filter((note) => note.startsWith(path + ':'));

describe('migrateConfig from vanilla-cookieconsent v3', () => {
  const { config, notes } = migrate();

  it('gives a config that validates', () => {
    expect(() => validateConfig(config, () => {})).not.toThrow();
    expect(config.$schema).toBe('https://unpkg.com/consentry/dist/consentry.schema.json');
  });

  it('maps categories onto the built-in ones by meaning, keeps others, and keeps the old markup working', () => {
    expect(config.categories!.map((c) => c.id)).toEqual(['essential', 'analytics', 'advertising', 'functionality']);
    // data-category="marketing" and "necessary" on the pages keep working: they become aliases.
    expect(config.blocking!.categoryAliases).toEqual({ necessary: 'essential', marketing: 'advertising' });
    expect(noteAt(notes, 'categories.marketing')[0]).toMatch(
      /"advertising" category.*blocking.categoryAliases keeps tags marked data-category="marketing" working/,
    );
    expect(noteAt(notes, 'categories.necessary')[0]).toMatch(/"essential"/);
    expect(noteAt(notes, 'categories.analytics.enabled')[0]).toMatch(/never switches a category on/);
    expect(noteAt(notes, 'categories.functionality')[0]).toMatch(/title is "Functionality"/);
  });

  it('carries category titles and descriptions per language from the linked sections', () => {
    const analytics = config.categories!.find((c) => c.id == 'analytics')!;
    expect(analytics.title).toEqual({ en: 'Analytics', de: 'Analyse' });
    expect(analytics.description).toEqual({ en: 'Help us understand how the shop is used.', de: 'Hilft uns, den Shop zu verbessern.' });
    expect(config.categories!.find((c) => c.id == 'advertising')).toEqual({
      id: 'advertising',
      title: 'Marketing',
      description: 'Personalised ads.',
    });
  });

  it('turns services and their cookie patterns into services with names and prefixes', () => {
    const ga = config.services!.find((s) => s.id == 'ga')!;
    expect(ga).toMatchObject({ category: 'analytics', name: 'Google Analytics 4' });
    expect(ga.cookies).toEqual([
      { name: '_ga', prefix: true, duration: { en: '2 years', de: '2 Jahre' }, purpose: 'Distinguishes visitors' },
      { name: '_gid', duration: '1 day', purpose: 'Distinguishes visitors' },
    ]);
    expect(config.services!.find((s) => s.id == 'hotjar-recording')).toMatchObject({
      name: 'Hotjar session recording',
      cookies: [{ name: '_hj', prefix: true }],
    });
    expect(noteAt(notes, 'categories.analytics.services["Hotjar Recording"]')[0]).toMatch(/data-service="hotjar-recording"/);
    expect(noteAt(notes, 'categories.analytics.services.ga.onAccept')[0]).toMatch(/code is not carried over: mark the service's tags/);
  });

  it("puts autoClear cookies and cookie-table rows no service claims under the category's own service", () => {
    expect(config.services!.find((s) => s.id == 'advertising-cookies')).toEqual({
      id: 'advertising-cookies',
      category: 'advertising',
      cookies: [{ name: '_fbp' }, { name: 'IDE' }, { name: 'test_cookie' }],
    });
    expect(config.services!.find((s) => s.id == 'analytics-cookies')?.cookies).toEqual([
      { name: '_clck', domain: 'shop.example', duration: '1 year', purpose: 'Clarity visitor id' },
    ]);
    expect(noteAt(notes, 'categories.marketing.autoClear.cookies[2]')[0]).toMatch(/\/ads\?_\[a-z\]\+\/i is not a name or a prefix/);
    expect(noteAt(notes, 'categories.marketing.autoClear.cookies[0].domain')[0]).toMatch(/location\.hostname is read from the page/);
  });

  it('carries the cookie settings it can and says the old choices are not read', () => {
    expect(config.cookie).toEqual({ domain: 'shop.example', sameSite: 'Lax' });
    expect(noteAt(notes, 'cookie.expiresAfterDays')[0]).toMatch(/function/);
    expect(noteAt(notes, 'cookie.name')[0]).toMatch(/"cc_cookie".*asked once again/);
  });

  it('converts the texts to plain text per language, without the links that drove the old UI', () => {
    expect(config.language).toBe('auto');
    expect(config.texts!.en).toEqual({
      bannerTitle: 'We use cookies',
      bannerText: 'We use cookies to measure & improve our shop.',
      acceptAll: 'Accept all',
      rejectAll: 'Reject all',
      customize: 'Manage preferences',
      preferencesTitle: 'Cookie preferences',
      save: 'Save preferences',
      close: 'Close',
      preferencesText: 'Choose which cookies we may use.',
    });
    expect(config.texts!.de).toEqual({ bannerTitle: 'Wir verwenden Cookies', acceptAll: 'Alle akzeptieren', rejectAll: 'Alle ablehnen' });
    expect(config.ui).toEqual({ layout: 'bar-top', privacyPolicyUrl: '/privacy-policy' });
    expect(noteAt(notes, 'language.translations.en.consentModal.footer')[0]).toMatch(/Imprint \(\/imprint\)/);
    expect(noteAt(notes, 'language.translations.en.preferencesModal.sections[4]')[0]).toMatch(/"More information" not carried over/);
    expect(noteAt(notes, 'language.translations.fr')[0]).toMatch(/loaded from "\.\/lang\/fr\.json"/);
    expect(noteAt(notes, 'guiOptions')[0]).toMatch(/equal weight/);
  });

  it('lists the callbacks it could not carry over', () => {
    expect(noteAt(notes, 'onFirstConsent, onChange')[0]).toMatch(/consent\.on\('consent' \| 'change'/);
    // Each function is spoken of once.
    expect(notes.filter((note) => /onFirstConsent|onChange/.test(note))).toHaveLength(1);
  });
});

describe('other vanilla-cookieconsent options', () => {
  it('asks for markup to change where an alias cannot carry it: a name with spaces, or data-category tags not managed', () => {
    const spaced = migrateConfig({ categories: { necessary: { readOnly: true }, 'Ad partners': {} } }, 'vanilla-cookieconsent');
    expect(spaced.config.blocking).toEqual({ categoryAliases: { necessary: 'essential' } });
    expect(noteAt(spaced.notes, 'categories["Ad partners"]')[0]).toMatch(
      /data-category="Ad partners" stay blocked: change them to data-consent="ad-partners"/,
    );
    const unmanaged = migrateConfig({ manageScriptTags: false, categories: { marketing: {} } }, 'vanilla-cookieconsent');
    expect(unmanaged.config.blocking).toEqual({ aliases: false });
    expect(() => validateConfig(spaced.config, () => {})).not.toThrow();
  });

  it('mode "opt-out" becomes the opt-out regime, disablePageInteraction the modal layout, manageScriptTags false no aliases', () => {
    const { config, notes } = migrateConfig(
      {
        mode: 'opt-out',
        disablePageInteraction: true,
        manageScriptTags: false,
        categories: { analytics: {} },
        cookie: { expiresAfterDays: 730 },
      },
      'vanilla-cookieconsent',
    );
    expect(config.regions).toEqual({ default: 'opt-out' });
    expect(config.ui).toEqual({ layout: 'modal' });
    expect(config.blocking).toEqual({ aliases: false });
    expect(config.cookie).toEqual({ expiresDays: 395 });
    expect(notes.join('\n')).toMatch(/730 days became 395/);
    expect(notes.join('\n')).toMatch(/regions\.default "opt-out"/);
  });

  it('takes a live object with real functions and regular expressions as well', () => {
    const { config, notes } = migrateConfig(
      { categories: { analytics: { services: { ga: { onAccept() {}, cookies: [{ name: /^_ga_/ }] } } } }, onConsent: () => {} },
      'vanilla-cookieconsent',
    );
    expect(config.services).toEqual([{ id: 'ga', category: 'analytics', name: 'ga', cookies: [{ name: '_ga_', prefix: true }] }]);
    expect(notes.some((note) => note.startsWith('categories.analytics.services.ga.onAccept:'))).toBe(true);
    expect(notes.some((note) => note.startsWith('onConsent:'))).toBe(true);
  });

  it('refuses a v2 config and anything without categories, naming why', () => {
    expect(() => migrateConfig({ current_lang: 'en', languages: {} }, 'vanilla-cookieconsent')).toThrow(/v2 config/);
    expect(() => migrateConfig({ services: [] }, 'vanilla-cookieconsent')).toThrow(/no "categories" object/);
    expect(() => migrateConfig('{}', 'vanilla-cookieconsent')).toThrow(/must be an object/);
  });

  it('gives two categories that mean the same built-in one a single category, and says so', () => {
    const { config, notes } = migrateConfig({ categories: { ads: {}, marketing: {} } }, 'vanilla-cookieconsent');
    expect(config.categories ?? []).toEqual([]);
    expect(notes.join('\n')).toMatch(/categories\.marketing: merged with categories\.ads/);
  });
});

describe('cookies held against the vendor catalogue', () => {
  it('names a known cookie moved into a service of another built-in category, and changes nothing', () => {
    const input = {
      categories: {
        necessary: { readOnly: true },
        marketing: { services: { ph: { label: 'PostHog', cookies: [{ name: /^ph_.*_posthog$/ }, { name: 'mp_abc_mixpanel' }] } } },
        analytics: { services: { ga: { label: 'GA', cookies: [{ name: '_ga' }] } } },
      },
    };
    const { config, notes } = migrateConfig(input, 'vanilla-cookieconsent');
    const lines = notes.filter((note) => note.includes('vendor catalogue'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^services\.ph: cookie mp_abc_mixpanel is .*Mixpanel.*'s, which consentry's vendor catalogue files under analytics, not advertising/,
    );
    expect(config.services?.find((service) => service.id == 'ph')?.category).toBe('advertising');
  });
});
