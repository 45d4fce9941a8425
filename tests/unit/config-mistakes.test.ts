// @vitest-environment happy-dom
/**
 * Issue 20, "no silent failure": mistakes that used to be accepted and then did nothing (a scheme-less link read
 * as a path) are refused, saying how to write them. A `*` in a declared cookie name, once taken literally and
 * refused here, is now the catalogue's wildcard (issue 18).
 */
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { cleanUp } from '../../src/parts/clean-up';
import { withdrawalBetween } from '../../src/core/policy/withdrawal';
import type { ConfigError } from '../../src/core/config/errors';
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

describe('"*" in a declared cookie name or storage key', () => {
  it('is a wildcard anywhere in the name, as in the catalogue (mp_*_mixpanel, ph_*_posthog, *_session)', () => {
    for (const name of ['shop_track_*', 'mp_*_mixpanel', '*_session', 'a*b*c']) expect(problemsOf(shop({ name }))).toEqual([]);
    expect(problemsOf(shop({ name: 'mp_*_', prefix: true }))).toEqual([]);
    expect(problemsOf({ services: [{ id: 'hj', category: 'analytics', storage: [{ key: '_hj*' }, { key: 'ph_*_posthog' }] }] })).toEqual(
      [],
    );
  });

  it('is refused alone: it would match every cookie or key of the site', () => {
    expect(problemsOf(shop({ name: '*' }))).toEqual([
      {
        path: 'services[0].cookies[0].name',
        message: '"*" would match every name: write the part the names share around "*", such as "mp_*_mixpanel"',
      },
    ]);
    expect(problemsOf(shop({ name: '**', prefix: true }))[0].path).toBe('services[0].cookies[0].name');
    expect(problemsOf({ services: [{ id: 'wild', category: 'analytics', storage: [{ key: '*' }] }] })[0].path).toBe(
      'services[0].storage[0].key',
    );
  });

  it('the schema agrees', () => {
    expect(bySchema(shop({ name: 'mp_*_mixpanel' }))).toBe(true);
    expect(bySchema(shop({ name: 'shop_track_', prefix: true }))).toBe(true);
    expect(bySchema(shop({ name: '*' }))).toBe(false);
    expect(bySchema({ services: [{ id: 'wild', category: 'analytics', storage: [{ key: '**' }] }] })).toBe(false);
  });

  it('mp_*_mixpanel is cleared on withdrawal, with the names it matches only', () => {
    const settings = validateConfig(shop({ name: 'mp_*_mixpanel' }));
    document.cookie = 'mp_abc123_mixpanel=a; path=/';
    document.cookie = 'mp_optout=b; path=/';
    document.cookie = 'other=c; path=/';
    const state = (analytics: boolean) =>
      ({ categories: { essential: true, analytics }, services: { 'shop-tracker': analytics } }) as unknown as ConsentState;
    cleanUp(withdrawalBetween(state(true), state(false), settings)!, settings);
    // (happy-dom keeps a deleted cookie as an empty value.)
    expect(
      document.cookie
        .split('; ')
        .filter((pair) => !pair.endsWith('='))
        .sort(),
    ).toEqual(['mp_optout=b', 'other=c']);
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
    expect(problems[0].message).toMatch(
      /^"(.+)" has no scheme, so browsers read it as a path of the page: write "https:\/\/\1", or a path starting with "\/"$/,
    );
    expect(bySchema(config)).toBe(false);
  });

  it('says exactly what to write for the example of the issue', () => {
    expect(problemsOf({ ui: { privacyPolicyUrl: 'www.example.com/privacy' } })[0].message).toBe(
      '"www.example.com/privacy" has no scheme, so browsers read it as a path of the page: write "https://www.example.com/privacy", or a path starting with "/"',
    );
  });

  it.each([
    '/privacy',
    '/privacy#cookies',
    'https://www.example.com/privacy',
    'http://localhost:8080/p',
    './privacy.html',
    '../legal/',
    '?page=privacy',
    '#privacy',
  ])('%s stays valid', (url) => {
    expect(problemsOf({ ui: { privacyPolicyUrl: url } })).toEqual([]);
    expect(bySchema({ ui: { privacyPolicyUrl: url } })).toBe(true);
  });

  it('a blocking rule still matches a bare host', () => {
    expect(problemsOf({ blocking: { rules: [{ match: 'cdn.example.com', category: 'analytics' }] } })).toEqual([]);
  });
});
