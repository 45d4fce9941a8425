import { describe, expect, it, vi } from 'vitest';
import { DEFAULTS } from '../../src/core/config/defaults';
import { ConfigError } from '../../src/core/config/errors';
import { validateConfig } from '../../src/core/config/validate';
import { FULL_CONFIG, INVALID_CONFIGS, VALID_CONFIGS } from './fixtures/config-samples';

const quiet = () => {};

/** The problems validateConfig reports for `config`; [] when it is valid. Fails on any other throw. */
function problemsOf(config: unknown) {
  try {
    validateConfig(config, quiet);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
}

const pathsOf = (config: unknown) => problemsOf(config).map((problem) => problem.path);

describe('validateConfig: valid configs', () => {
  it.each(VALID_CONFIGS)('accepts %s', (_, config) => {
    expect(problemsOf(config)).toEqual([]);
  });

  it('accepts the same config as JSON text', () => {
    const settings = validateConfig(JSON.stringify(FULL_CONFIG), quiet);
    expect(settings).toEqual(validateConfig(FULL_CONFIG, quiet));
  });
});

describe('validateConfig: invalid configs', () => {
  it.each(INVALID_CONFIGS)('refuses %s at its path', (_, config, path) => {
    expect(pathsOf(config)).toContain(path);
  });

  it('says what is wrong and how to fix it, one problem per line', () => {
    const config = { categories: [{ id: 'preferences' }, { id: 'social' }, { id: 'Analytics' }] };
    expect(() => validateConfig(config)).toThrowError(
      `consentry: invalid config\ncategories[2].id: "Analytics" must be lower-case letters, digits and '-', and not constructor or prototype`,
    );
  });

  it('is a ConfigError: an Error named ConfigError carrying every problem', () => {
    let caught: unknown;
    try {
      validateConfig({ revision: 'one', language: 5 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.name).toBe('ConfigError');
    expect(error.problems).toEqual([
      { path: 'revision', message: '"one" must be a whole number from 0 to 2147483647' },
      { path: 'language', message: '5 must be "auto" or a language code such as "en" or "zh-Hans"' },
    ]);
    expect(error.message.split('\n')).toHaveLength(3);
  });

  it('refuses a root that is not an object, naming the config itself', () => {
    for (const root of [null, 1, true, [], undefined])
      expect(problemsOf(root)).toEqual([expect.objectContaining({ path: '', message: expect.stringContaining('must be an object') })]);
  });

  it('quotes odd keys in paths', () => {
    expect(pathsOf({ texts: { 'zh CN': {} } })).toEqual(['texts["zh CN"]']);
    expect(pathsOf({ 'a\nb': 1 })).toEqual(['["a\\nb"]']);
  });

  it('shows long values shortened', () => {
    const [problem] = problemsOf({ language: 'x'.repeat(100) });
    expect(problem.message).toBe(`"${'x'.repeat(40)}…" must be "auto" or a language code such as "en" or "zh-Hans"`);
  });
});

describe('unknown keys', () => {
  it.each([
    [{ ui: { layuot: 'box' } }, 'ui.layuot', 'layout'],
    [{ Revision: 1 }, 'Revision', 'revision'],
    [{ cookie: { expiresDay: 30 } }, 'cookie.expiresDay', 'expiresDays'],
    [{ categories: [{ id: 'x', titel: 'X' }] }, 'categories[0].titel', 'title'],
    [{ services: [{ id: 'x', category: 'analytics', cookie: [] }] }, 'services[0].cookie', 'cookies'],
    [
      { integrations: { googleConsentMode: { mapping: { ad_storag: 'advertising' } } } },
      'integrations.googleConsentMode.mapping.ad_storag',
      'ad_storage',
    ],
  ])('%j: suggests the near key', (config, path, suggestion) => {
    expect(problemsOf(config)).toEqual([{ path, message: `is not a known key; did you mean "${suggestion}"?` }]);
  });

  it('does not suggest a key that is not close', () => {
    expect(problemsOf({ ui: { colour: 'red' } })).toEqual([{ path: 'ui.colour', message: 'is not a known key' }]);
    expect(problemsOf({ x: 1 })).toEqual([{ path: 'x', message: 'is not a known key' }]);
  });
});

describe('ids and references', () => {
  it('refuses a category declared twice, but allows re-declaring a built-in once', () => {
    expect(pathsOf({ categories: [{ id: 'analytics' }] })).toEqual([]);
    expect(problemsOf({ categories: [{ id: 'analytics' }, { id: 'analytics' }] })).toEqual([
      { path: 'categories[1].id', message: '"analytics" is declared twice' },
    ]);
  });

  it('refuses a service declared twice', () => {
    const services = [
      { id: 'ga', category: 'analytics' },
      { id: 'ga', category: 'analytics' },
    ];
    expect(problemsOf({ services })).toEqual([{ path: 'services[1].id', message: '"ga" is declared twice' }]);
  });

  it('refuses a service id equal to a category id, since isGranted takes either', () => {
    expect(pathsOf({ services: [{ id: 'analytics', category: 'analytics' }] })).toEqual(['services[0].id']);
    expect(pathsOf({ categories: [{ id: 'chat' }], services: [{ id: 'chat', category: 'chat' }] })).toEqual(['services[0].id']);
  });

  it('refuses a service in an undeclared category, and accepts built-in and custom ones', () => {
    expect(problemsOf({ services: [{ id: 'x', category: 'marketing' }] })).toEqual([
      { path: 'services[0].category', message: '"marketing" is not a declared category' },
    ]);
    expect(pathsOf({ categories: [{ id: 'marketing' }], services: [{ id: 'x', category: 'marketing' }] })).toEqual([]);
  });

  it('resolves references whatever the key order of the config', () => {
    const config = JSON.parse('{"services":[{"id":"x","category":"chat"}],"categories":[{"id":"chat"}]}');
    expect(pathsOf(config)).toEqual([]);
  });

  it('blocking rules need exactly one of category or service, and it must exist', () => {
    const services = [{ id: 'ga', category: 'analytics' }];
    expect(pathsOf({ services, blocking: { rules: [{ match: 'a.com', category: 'analytics', service: 'ga' }] } })).toEqual([
      'blocking.rules[0]',
    ]);
    expect(problemsOf({ blocking: { rules: [{ match: 'a.com' }] } })).toEqual([
      { path: 'blocking.rules[0]', message: 'needs exactly one of category, service' },
    ]);
    expect(problemsOf({ blocking: { rules: [{ match: 'a.com', category: 'stats' }] } })).toEqual([
      { path: 'blocking.rules[0].category', message: '"stats" is not a declared category' },
    ]);
    expect(problemsOf({ services, blocking: { rules: [{ match: 'a.com', service: 'gtm' }] } })).toEqual([
      { path: 'blocking.rules[0].service', message: '"gtm" is not a declared service' },
    ]);
    expect(pathsOf({ blocking: { rules: [{ match: '', category: 'analytics' }] } })).toEqual(['blocking.rules[0].match']);
  });

  it('category aliases name old markup, never a category of the config, and stand for a declared category', () => {
    const categories = [{ id: 'functional' }];
    expect(
      problemsOf({
        categories,
        blocking: { categoryAliases: { marketing: 'advertising', necessary: 'essential', Komfort: 'functional' } },
      }),
    ).toEqual([]);
    expect(problemsOf({ categories, blocking: { categoryAliases: { analytics: 'advertising', functional: 'essential' } } })).toEqual([
      { path: 'blocking.categoryAliases.analytics', message: '"analytics" is a category already' },
      { path: 'blocking.categoryAliases.functional', message: '"functional" is a category already' },
    ]);
    expect(problemsOf({ blocking: { categoryAliases: { marketing: 'ads' } } })).toEqual([
      { path: 'blocking.categoryAliases.marketing', message: '"ads" is not a declared category' },
    ]);
    expect(pathsOf({ blocking: { categoryAliases: { 'a b': 'advertising', ['x'.repeat(41)]: 'advertising' } } })).toHaveLength(2);
    expect(pathsOf({ blocking: { categoryAliases: ['marketing'] } })).toEqual(['blocking.categoryAliases']);
  });

  it('Consent Mode mapping values must be declared categories', () => {
    expect(pathsOf({ integrations: { googleConsentMode: { mapping: { ad_storage: 'ads' } } } })).toEqual([
      'integrations.googleConsentMode.mapping.ad_storage',
    ]);
  });

  it('crossBorder needs recipient, country, purpose and data categories', () => {
    expect(pathsOf({ crossBorder: {} })).toEqual([
      'crossBorder.recipient',
      'crossBorder.country',
      'crossBorder.purpose',
      'crossBorder.dataCategories',
    ]);
  });
});

describe('bounds', () => {
  it.each([
    ['revision', { revision: 0 }, { revision: -1 }],
    ['expiresDays low', { cookie: { expiresDays: 1 } }, { cookie: { expiresDays: 0 } }],
    ['expiresDays high', { cookie: { expiresDays: 395 } }, { cookie: { expiresDays: 396 } }],
    ['threshold low', { minors: { thresholds: { CN: 1 } } }, { minors: { thresholds: { CN: 0 } } }],
    ['threshold high', { minors: { thresholds: { CN: 21 } } }, { minors: { thresholds: { CN: 22 } } }],
    [
      'waitForUpdate low',
      { integrations: { googleConsentMode: { waitForUpdate: 0 } } },
      { integrations: { googleConsentMode: { waitForUpdate: -1 } } },
    ],
    [
      'waitForUpdate high',
      { integrations: { googleConsentMode: { waitForUpdate: 10000 } } },
      { integrations: { googleConsentMode: { waitForUpdate: 10001 } } },
    ],
    ['tcf cmpId', { integrations: { tcf: { cmpId: 1 } } }, { integrations: { tcf: { cmpId: 0 } } }],
    ['tcf cmpId integer', { integrations: { tcf: { cmpId: 12 } } }, { integrations: { tcf: { cmpId: 12.5 } } }],
    ['id length', { categories: [{ id: 'a'.repeat(40) }] }, { categories: [{ id: 'a'.repeat(41) }] }],
    ['text length', { texts: { en: { save: 'x'.repeat(5000) } } }, { texts: { en: { save: 'x'.repeat(5001) } } }],
    [
      'list length',
      { regions: { rules: [{ regions: Array(2000).fill('DE'), regime: 'opt-in' }] } },
      { regions: { rules: [{ regions: Array(2001).fill('DE'), regime: 'opt-in' }] } },
    ],
  ])('%s: accepts the edge, refuses one past it', (_, edge, past) => {
    expect(pathsOf(edge)).toEqual([]);
    expect(pathsOf(past)).toHaveLength(1);
  });

  it('warns, without refusing, about a choice kept longer than 6 months', () => {
    const onWarning = vi.fn();
    validateConfig({ cookie: { expiresDays: 182 } }, onWarning);
    expect(onWarning).not.toHaveBeenCalled();
    validateConfig({ cookie: { expiresDays: 183 } }, onWarning);
    expect(onWarning).toHaveBeenCalledExactlyOnceWith('cookie.expiresDays: 183 days is longer than the recommended 182 (6 months)');
  });

  it('warns on the console by default', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    validateConfig({ cookie: { expiresDays: 365 } });
    expect(warn).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/^consentry: cookie\.expiresDays: 365 days/));
    warn.mockRestore();
  });
});

describe('text values', () => {
  it('accepts text or per-language text, and refuses other shapes', () => {
    expect(pathsOf({ categories: [{ id: 'x', title: 'X', description: { en: 'E', 'zh-Hans': '中' } }] })).toEqual([]);
    expect(problemsOf({ categories: [{ id: 'x', title: ['X'] }] })).toEqual([
      { path: 'categories[0].title', message: 'a list must be text, or an object of language code to text' },
    ]);
    expect(pathsOf({ categories: [{ id: 'x', title: { en: 1 } }] })).toEqual(['categories[0].title.en']);
  });

  it('keeps text as given: markup is text, not refused (the UI renders it inert)', () => {
    const settings = validateConfig({ texts: { en: { bannerTitle: '<img src=x onerror=alert(1)>' } } }, quiet);
    expect(settings.texts.en.bannerTitle).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('defaults', () => {
  const expected = {
    revision: 0,
    language: 'auto',
    categories: [
      { id: 'essential', title: '', description: '', required: true },
      { id: 'analytics', title: '', description: '', required: false },
      { id: 'advertising', title: '', description: '', required: false },
    ],
    services: [],
    cookie: { name: 'consentry', domain: '', path: '/', sameSite: 'Lax', expiresDays: 182 },
    texts: {},
    ui: {
      layout: 'bar-bottom',
      theme: 'auto',
      floatingButton: true,
      closeButton: false,
      privacyPolicyUrl: '',
      nonce: '',
      assetsUrl: '',
      trustedAssetOrigins: [],
    },
    regions: { default: 'opt-in', rules: [], source: '' },
    signals: { gpc: true, dnt: false },
    optOut: { sale: ['advertising'], sensitive: [] },
    minors: { ask: false, thresholds: { CN: 14, US: 13, default: 16 } },
    crossBorder: null,
    separateConsents: [],
    blocking: {
      autoBlock: true,
      rules: [],
      thirdParty: 'known',
      unknownCategory: 'advertising',
      unknownCookies: 'allow',
      reloadOnWithdraw: true,
      aliases: true,
      categoryAliases: {},
      trustedTypesPolicy: 'consentry',
    },
    receipts: null,
    integrations: {},
  };

  it('an empty config gets every default', () => {
    expect(validateConfig({})).toStrictEqual(expected);
    expect(validateConfig('{}')).toStrictEqual(expected);
  });

  it('a partial section keeps the defaults of the keys it leaves out', () => {
    const settings = validateConfig({ ui: { layout: 'box' }, cookie: { domain: 'example.com' }, minors: { thresholds: { 'US-CA': 13 } } });
    expect(settings.ui).toStrictEqual({ ...expected.ui, layout: 'box' });
    expect(settings.cookie).toStrictEqual({ ...expected.cookie, domain: 'example.com' });
    expect(settings.minors.thresholds).toStrictEqual({ CN: 14, US: 13, default: 16, 'US-CA': 13 });
  });

  it('built-in categories stay first and in order; re-declared ones keep their place; custom ones follow', () => {
    const settings = validateConfig({
      categories: [{ id: 'preferences', title: 'Prefs' }, { id: 'advertising', title: 'Ads' }, { id: 'social' }],
    });
    expect(settings.categories).toStrictEqual([
      { id: 'essential', title: '', description: '', required: true },
      { id: 'analytics', title: '', description: '', required: false },
      { id: 'advertising', title: 'Ads', description: '', required: false },
      { id: 'preferences', title: 'Prefs', description: '', required: false },
      { id: 'social', title: '', description: '', required: false },
    ]);
  });

  it('services get empty defaults for what they leave out', () => {
    expect(validateConfig({ services: [{ id: 'x', category: 'analytics', hosts: ['x.com'] }] }).services).toStrictEqual([
      {
        id: 'x',
        category: 'analytics',
        name: '',
        provider: '',
        purpose: '',
        privacyPolicyUrl: '',
        cookies: [],
        storage: [],
        hosts: ['x.com'],
        separateConsents: [],
      },
    ]);
  });

  it('a full config comes back with its own values and without $schema', () => {
    const settings = validateConfig(FULL_CONFIG, quiet);
    expect(settings).not.toHaveProperty('$schema');
    expect(settings.cookie).toStrictEqual(FULL_CONFIG.cookie);
    expect(settings.integrations).toStrictEqual(FULL_CONFIG.integrations);
    expect(settings.crossBorder).toStrictEqual(FULL_CONFIG.crossBorder);
    expect(settings.receipts).toStrictEqual(FULL_CONFIG.receipts);
    expect(settings.blocking).toStrictEqual(FULL_CONFIG.blocking);
    expect(settings.texts).toStrictEqual(FULL_CONFIG.texts);
  });

  it('Settings are deeply frozen, and new objects, so neither the input nor the defaults can change', () => {
    const input = structuredClone(FULL_CONFIG);
    const settings = validateConfig(input, quiet);
    const frozen = (value: unknown): boolean =>
      typeof value != 'object' || value === null || (Object.isFrozen(value) && Object.values(value).every(frozen));
    expect(frozen(settings)).toBe(true);
    expect(() => ((settings.ui as { layout: string }).layout = 'modal')).toThrow(TypeError);
    expect(Object.isFrozen(input.ui)).toBe(false);
    expect(settings.ui).not.toBe(input.ui);
    expect(Object.isFrozen(DEFAULTS.ui)).toBe(false);
    expect(validateConfig({}).minors.thresholds).not.toBe(DEFAULTS.minors.thresholds);
  });
});

describe('JSON text', () => {
  it('reports a parse error, with its position', () => {
    expect(problemsOf('{"revision": 1,}')).toEqual([{ path: '', message: expect.stringMatching(/^is not valid JSON: .*position 15/) }]);
  });

  it('reports JSON that is not an object', () => {
    expect(pathsOf('"hello"')).toEqual(['']);
    expect(pathsOf('')).toEqual(['']);
  });
});

describe('a config with 30 mistakes', () => {
  const config = {
    revison: 2, // 1
    revision: -3, // 2
    language: 'English', // 3
    categories: [
      { id: 'Analytics' }, // 4
      { id: 'social', titel: 'Social' }, // 5
      { id: 'social' }, // 6
    ],
    services: [
      {
        id: 'GA', // 7
        category: 'stats', // 8
        privacyPolicyUrl: 'javascript:alert(1)', // 9
        cookies: [{ name: '_ga; Domain=evil.com' }, { prefix: true }], // 10, 11
        hosts: ['https://www.google-analytics.com/'], // 12
      },
    ],
    cookie: { name: 'consent id', path: 'app', sameSite: 'lax', expiresDays: 400 }, // 13-16
    texts: { english: {} }, // 17
    ui: { layout: 'popup', theme: 'blue', floatingButton: 'yes', assetsUrl: 'data:,x' }, // 18-21
    regions: { default: 'opt_in', rules: [{ regions: ['de'], regime: 'opt-in' }] }, // 22, 23
    signals: { gpc: 'true' }, // 24
    minors: { thresholds: { CN: 30 } }, // 25
    crossBorder: { recipient: 'X', country: 'US', purpose: 'Y' }, // 26
    blocking: { rules: [{ match: 'cdn.example.com' }] }, // 27
    receipts: {}, // 28
    integrations: { googleConsentMode: { waitForUpdate: 60000, mapping: { ad_storage: 'ads' } } }, // 29, 30
  };

  it('names all 30 in one ConfigError', () => {
    const problems = problemsOf(config);
    expect(problems.map((problem) => problem.path).sort()).toEqual(
      [
        'revison',
        'revision',
        'language',
        'categories[0].id',
        'categories[1].titel',
        'categories[2].id',
        'services[0].id',
        'services[0].category',
        'services[0].privacyPolicyUrl',
        'services[0].cookies[0].name',
        'services[0].cookies[1].name',
        'services[0].hosts[0]',
        'cookie.name',
        'cookie.path',
        'cookie.sameSite',
        'cookie.expiresDays',
        'texts.english',
        'ui.layout',
        'ui.theme',
        'ui.floatingButton',
        'ui.assetsUrl',
        'regions.default',
        'regions.rules[0].regions[0]',
        'signals.gpc',
        'minors.thresholds.CN',
        'crossBorder.dataCategories',
        'blocking.rules[0]',
        'receipts.endpoint',
        'integrations.googleConsentMode.waitForUpdate',
        'integrations.googleConsentMode.mapping.ad_storage',
      ].sort(),
    );
    expect(() => validateConfig(config)).toThrowError(/(\n.*){30}/);
  });
});
