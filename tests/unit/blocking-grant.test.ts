import { describe, expect, test } from 'vitest';
import type { Settings } from '../../src/core/config/types';
import type { ConsentState } from '../../src/core/policy/types';
import { categoryOf, isGranted } from '../../src/core/policy/grant';

const state = (categories: { [id: string]: boolean }, services: { [id: string]: boolean } = {}): ConsentState => ({
  status: 'decided',
  categories: { essential: true, ...categories },
  services,
  record: null,
  regime: 'opt-in',
  region: null,
  gpc: false,
  needsBanner: false,
});
const settings = {
  services: [
    { id: 'ga', category: 'analytics' },
    { id: 'maps', category: 'functional' },
  ],
} as unknown as Settings;

describe('isGranted', () => {
  test('a category is granted when the state grants it; essential always', () => {
    expect(isGranted({ category: 'analytics' }, state({ analytics: true }), settings)).toBe(true);
    expect(isGranted({ category: 'analytics' }, state({ analytics: false }), settings)).toBe(false);
    expect(isGranted({ category: 'essential' }, state({}), null)).toBe(true);
  });

  test('an unknown category, or the pending marker, is never granted', () => {
    expect(isGranted({ category: 'marketing' }, state({ analytics: true }), settings)).toBe(false);
    expect(isGranted({ category: '?' }, state({ analytics: true, advertising: true }), settings)).toBe(false);
  });

  test('a service follows its category unless the visitor chose for it', () => {
    expect(isGranted({ service: 'ga' }, state({ analytics: true }), settings)).toBe(true);
    expect(isGranted({ service: 'ga' }, state({ analytics: true }, { ga: false }), settings)).toBe(false);
    expect(isGranted({ service: 'ga' }, state({ analytics: false }, { ga: true }), settings)).toBe(true);
    expect(isGranted({ category: 'analytics', service: 'ga' }, state({ analytics: true }, { ga: false }), settings)).toBe(false);
  });

  test('a service alone waits for the config to know its category', () => {
    expect(isGranted({ service: 'ga' }, state({ analytics: true }), null)).toBe(false);
    expect(isGranted({ service: 'undeclared' }, state({ analytics: true }), settings)).toBe(false);
  });
});

describe('categoryOf', () => {
  test("the need's own category, else its service's", () => {
    expect(categoryOf({ category: 'advertising', service: 'ga' }, settings)).toBe('advertising');
    expect(categoryOf({ service: 'maps' }, settings)).toBe('functional');
    expect(categoryOf({ service: 'maps' }, null)).toBeUndefined();
  });
});
