// @vitest-environment happy-dom
/**
 * Issue 20, "no silent failure": mistakes that used to be accepted and then did nothing (a `*` taken as a
 * literal cookie name, a scheme-less link read as a path) are refused, saying how to write them.
 */
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { cleanUp } from '../../src/parts/clean-up';
import { withdrawalBetween } from '../../src/core/policy/withdrawal';
import { ConfigError } from '../../src/core/config/errors';
import schema from '../../src/core/config/schema.json';
import { validateConfig } from '../../src/core/config/validate';
import type { ConsentState } from '../../src/core/policy/types';

const problemsOf = (config: unknown) => {
  try {
    validateConfig(config, () => {});
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};
const bySchema = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
const shop = (cookie: object) => ({ services: [{ id: 'shop-tracker', category: 'analytics', cookies: [cookie] }] });

describe('"*" in a declared cookie name', () => {
  it('is refused, with the prefix to write instead', () => {
    expect(problemsOf(shop({ name: 'shop_track_*' }))).toEqual([
      {
        path: 'services[0].cookies[0].name',
        message: '"shop_track_*" is not a pattern: "*" would be taken literally. For every name starting with "shop_track_", write "shop_track_" with "prefix": true',
      },
    ]);
  });

  it('is a wildcard in a storage key, which the storage guard matches anywhere (ph_*_posthog)', () => {
    expect(problemsOf({ services: [{ id: 'hj', category: 'analytics', storage: [{ key: '_hj*' }, { key: 'ph_*_posthog' }] }] })).toEqual([]);
  });

  it('anywhere in the name, and with prefix too: no name is written that way', () => {
    for (const name of ['a*b', '*_ga', '_ga_*', '*']) {
      const [problem] = problemsOf(shop({ name, prefix: true }));
      expect(problem.path).toBe('services[0].cookies[0].name');
      expect(problem.message).toMatch(/is not a pattern/);
    }
    expect(problemsOf(shop({ name: 'a*b' }))[0].message).toMatch(/Write an exact name, or the start of the names with "prefix": true$/);
  });

  it('the schema refuses it too', () => {
    expect(bySchema(shop({ name: 'shop_track_*' }))).toBe(false);
    expect(bySchema(shop({ name: 'shop_track_', prefix: true }))).toBe(true);
  });

  it('written as the hint says, shop_track_1 is cleared on withdrawal', () => {
    const settings = validateConfig(shop({ name: 'shop_track_', prefix: true }));
    document.cookie = 'shop_track_1=a; path=/';
    document.cookie = 'shop_tracker=b; path=/';
    document.cookie = 'other=c; path=/';
    const state = (analytics: boolean) => ({ categories: { essential: true, analytics }, services: { 'shop-tracker': analytics } }) as unknown as ConsentState;
    cleanUp(withdrawalBetween(state(true), state(false), settings)!, settings);
    // (happy-dom keeps a deleted cookie as an empty value.)
    expect(document.cookie.split('; ').filter((pair) => !pair.endsWith('=')).sort()).toEqual(['other=c', 'shop_tracker=b']);
  });
});

describe('links and endpoints without a scheme', () => {
  it.each([
    ['ui.privacyPolicyUrl', { ui: { privacyPolicyUrl: 'www.example.com/privacy' } }],
    ['services[0].privacyPolicyUrl', { services: [{ id: 'ga', category: 'analytics', privacyPolicyUrl: 'policies.google.com/privacy' }] }],
    ['receipts.endpoint', { receipts: { endpoint: 'api.example.com/receipts' } }],
    ['ui.assetsUrl', { ui: { assetsUrl: 'cdn.example.com/consentry/' } }],
  ])('%s is refused, naming the field and the https:// form', (path, config) => {
    const problems = problemsOf(config);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe(path);
    expect(problems[0].message).toMatch(/^"(.+)" has no scheme, so browsers read it as a path of the page: write "https:\/\/\1", or a path starting with "\/"$/);
    expect(bySchema(config)).toBe(false);
  });

  it('says exactly what to write for the example of the issue', () => {
    expect(problemsOf({ ui: { privacyPolicyUrl: 'www.example.com/privacy' } })[0].message).toBe(
      '"www.example.com/privacy" has no scheme, so browsers read it as a path of the page: write "https://www.example.com/privacy", or a path starting with "/"',
    );
  });

  it.each(['/privacy', '/privacy#cookies', 'https://www.example.com/privacy', 'http://localhost:8080/p', './privacy.html', '../legal/', '?page=privacy', '#privacy'])(
    '%s stays valid',
    (url) => {
      expect(problemsOf({ ui: { privacyPolicyUrl: url } })).toEqual([]);
      expect(bySchema({ ui: { privacyPolicyUrl: url } })).toBe(true);
    },
  );

  it('a blocking rule still matches a bare host', () => {
    expect(problemsOf({ blocking: { rules: [{ match: 'cdn.example.com', category: 'analytics' }] } })).toEqual([]);
  });
});
