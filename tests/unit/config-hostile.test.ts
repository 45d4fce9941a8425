import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/config/errors';
import type { Settings } from '../../src/core/config/types';
import { validateConfig } from '../../src/core/config/validate';

const quiet = () => {};

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

const prototypesClean = () => {
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
};

afterEach(() => {
  delete (Object.prototype as { polluted?: unknown }).polluted;
});

describe('prototype pollution (issue 9)', () => {
  const attacks: [string, string, string][] = [
    ['top level __proto__', '{"__proto__":{"polluted":1}}', '__proto__'],
    ['constructor.prototype', '{"constructor":{"prototype":{"polluted":1}}}', 'constructor'],
    ['prototype', '{"prototype":{"polluted":1}}', 'prototype'],
    ['__proto__ in a fixed section', '{"ui":{"__proto__":{"polluted":1}}}', 'ui.__proto__'],
    ['__proto__ in a list item', '{"categories":[{"id":"x","__proto__":{"polluted":1}}]}', 'categories[0].__proto__'],
    ['__proto__ as a language', '{"texts":{"__proto__":{"polluted":"1"}}}', 'texts.__proto__'],
    ['__proto__ as a text key', '{"texts":{"en":{"__proto__":"x"}}}', 'texts.en.__proto__'],
    ['constructor as a text key', '{"texts":{"en":{"constructor":"x"}}}', 'texts.en.constructor'],
    ['prototype as a text key', '{"texts":{"en":{"prototype":"x"}}}', 'texts.en.prototype'],
    ['__proto__ in localized text', '{"categories":[{"id":"x","title":{"__proto__":{"polluted":1}}}]}', 'categories[0].title.__proto__'],
    ['__proto__ as a threshold region', '{"minors":{"thresholds":{"__proto__":{"polluted":1}}}}', 'minors.thresholds.__proto__'],
    ['constructor as a threshold region', '{"minors":{"thresholds":{"constructor":14}}}', 'minors.thresholds.constructor'],
    [
      '__proto__ as a consent type',
      '{"integrations":{"googleConsentMode":{"mapping":{"__proto__":"analytics"}}}}',
      'integrations.googleConsentMode.mapping.__proto__',
    ],
  ];

  it.each(attacks)('%s is reported, and pollutes nothing', (_, json, path) => {
    expect(pathsOf(json)).toContain(path);
    expect(pathsOf(JSON.parse(json))).toContain(path);
    prototypesClean();
  });

  it('an object whose prototype was replaced is not a plain object', () => {
    const sneaky = Object.create({ layout: 'modal' });
    expect(pathsOf({ ui: sneaky })).toEqual(['ui']);
  });

  it('reads only own properties: a polluted Object.prototype cannot slip a value into Settings or crash it', () => {
    // Assertions run after clean-up: the test framework itself trips over a read-only Object.prototype.layout.
    (Object.prototype as { polluted?: unknown }).polluted = 1;
    Object.defineProperty(Object.prototype, 'layout', { value: 'javascript:', configurable: true, enumerable: true });
    let settings: Settings;
    try {
      settings = validateConfig({ ui: {}, texts: { en: {} } }, quiet);
    } finally {
      delete (Object.prototype as { layout?: unknown }).layout;
      delete (Object.prototype as { polluted?: unknown }).polluted;
    }
    expect(Object.getOwnPropertyDescriptor(settings.ui, 'layout')?.value).toBe('bar-bottom');
    expect(Object.keys(settings)).not.toContain('polluted');
    expect(Object.keys(settings.ui)).not.toContain('polluted');
    expect(Object.keys(settings.texts.en)).toEqual([]);
  });
});

describe('cookie attribute injection (issue 9)', () => {
  const bad = [';', ',', '=', ' ', '\t', '\n', '\r', '\0', '\x7f', '\u2028', '\u00a0'];
  it.each(bad.map((char) => [JSON.stringify(char), char]))('%s is refused in every cookie name, domain and path', (_, char) => {
    const config = {
      cookie: { name: `a${char}Domain`, domain: `example.com${char}x`, path: `/${char}Secure` },
      services: [
        { id: 'x', category: 'analytics', cookies: [{ name: `b${char}c`, domain: `a${char}.com` }], storage: [{ key: `k${char}` }] },
      ],
    };
    const paths = pathsOf(config);
    for (const path of [
      'cookie.name',
      'cookie.domain',
      'services[0].cookies[0].name',
      'services[0].cookies[0].domain',
      'services[0].storage[0].key',
    ])
      expect(paths).toContain(path);
    // "=" is fine in a path value; the others are not.
    if (char != '=') expect(paths).toContain('cookie.path');
  });
});

describe('values that are not JSON', () => {
  class Options {
    layout = 'box';
  }
  it.each([
    ['a function', { ui: { layout: () => 'box' } }, 'ui.layout'],
    ['a symbol', { language: Symbol('en') }, 'language'],
    ['a bigint', { revision: 1n }, 'revision'],
    ['NaN', { revision: NaN }, 'revision'],
    ['Infinity', { cookie: { expiresDays: Infinity } }, 'cookie.expiresDays'],
    ['undefined', { ui: { layout: undefined } }, 'ui.layout'],
    ['a Date', { ui: new Date() }, 'ui'],
    ['a Map', { texts: new Map([['en', {}]]) }, 'texts'],
    ['a class instance', { ui: new Options() }, 'ui'],
    ['a regular expression', { language: /en/ }, 'language'],
    ['a boxed string', { language: new String('en') }, 'language'],
    // biome-ignore lint/suspicious/noSparseArray: a hole is the hostile input under test
    ['a hole in a list', { regions: { rules: [, { regions: ['DE'], regime: 'opt-in' }] } }, 'regions.rules[0]'],
  ])('%s is a problem, not a crash', (_, config, path) => {
    expect(pathsOf(config)).toEqual([path]);
  });

  it('a symbol key is ignored, not a crash', () => {
    expect(pathsOf({ [Symbol('x')]: 1 })).toEqual([]);
  });

  it('cycles are problems, not endless loops', () => {
    const config: { [key: string]: unknown } = { ui: {} };
    (config.ui as { [key: string]: unknown }).layout = config;
    config.categories = [{ id: 'x', title: config }];
    config.self = config;
    // The title is read as per-language text: its keys are not language codes.
    expect(pathsOf(config).sort()).toEqual([
      'categories[0].title.categories',
      'categories[0].title.self',
      'categories[0].title.ui',
      'self',
      'ui.layout',
    ]);
  });

  it('getters that throw and hostile proxies give a ConfigError', () => {
    const getter = Object.defineProperty({}, 'revision', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(problemsOf(getter)).toEqual([{ path: '', message: 'could not be read' }]);
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    expect(pathsOf({ ui: proxy })).toEqual(['']);
  });

  it('reads each value once, so a getter cannot change it after the check', () => {
    let reads = 0;
    const ui = Object.defineProperty({}, 'privacyPolicyUrl', {
      enumerable: true,
      get: () => (reads++ ? 'javascript:alert(1)' : '/privacy'),
    });
    expect(validateConfig({ ui }, quiet).ui.privacyPolicyUrl).toBe('/privacy');
  });
});

describe('size limits (issue 9)', () => {
  it('refuses JSON text over 256 KB before parsing it', () => {
    const json = JSON.stringify({ texts: { en: { bannerText: 'x'.repeat(300_000) } } });
    expect(problemsOf(json)).toEqual([{ path: '', message: 'is larger than 256 KB' }]);
  });

  it('refuses an object carrying more than 256 KB of text', () => {
    const cookies = Array.from({ length: 2000 }, (_, i) => ({ name: 'cookie-name-' + i }));
    const services = Array.from({ length: 100 }, (_, i) => ({ id: 's' + i, category: 'analytics', cookies }));
    const started = performance.now();
    expect(problemsOf({ services })).toEqual([{ path: '', message: 'is larger than 256 KB' }]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses more than 2,000 services', () => {
    const services = Array.from({ length: 2001 }, (_, i) => ({ id: 's' + i, category: 'analytics' }));
    expect(problemsOf({ services })).toEqual([{ path: 'services', message: 'must have at most 2000 items' }]);
  });

  it('accepts 2,000 services', () => {
    const services = Array.from({ length: 2000 }, (_, i) => ({ id: 's' + i, category: 'analytics' }));
    expect(validateConfig({ services }, quiet).services).toHaveLength(2000);
  });

  it('counts keys: a flood of unknown keys is refused quickly', () => {
    const flood = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => ['unknown-key-' + i, 1]));
    const started = performance.now();
    expect(problemsOf({ ui: flood }).at(-1)).toEqual({ path: '', message: 'is larger than 256 KB' });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('patterns stay fast on long adversarial strings (no catastrophic backtracking)', () => {
    const long = 'a'.repeat(4999);
    const started = performance.now();
    for (const tail of [' ', '-', '_', ':', '\\'])
      problemsOf({
        language: long + tail,
        cookie: { name: long + ';', domain: 'a'.repeat(252) + tail, path: '/' + long + tail },
        ui: { privacyPolicyUrl: 'https://' + long.slice(8) + tail, assetsUrl: long + tail, nonce: long + tail },
        regions: { source: 'global:' + long.slice(7) + tail },
        texts: { en: { ['a'.repeat(200) + tail]: 'x' } },
        services: [{ id: 'x', category: 'analytics', hosts: ['a-'.repeat(126) + tail] }],
      });
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('deep nesting is a problem, not a stack overflow', () => {
    const depth = 100_000;
    const json = '{"categories":[{"id":"x","title":' + '['.repeat(depth) + ']'.repeat(depth) + '}]}';
    expect(pathsOf(json)).toEqual(['categories[0].title']);
    let nested: unknown = 'x';
    for (let i = 0; i < depth; i++) nested = { en: nested };
    expect(pathsOf({ categories: [{ id: 'x', title: nested }] })).toEqual(['categories[0].title.en']);
  });
});
