import { describe, expect, test } from 'vitest';
import type { Settings } from '../../src/core/config/types';
import type { ConsentState } from '../../src/core/policy/types';
import { withdrawalBetween } from '../../src/core/policy/withdrawal';

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
    { id: 'hotjar', category: 'analytics' },
    { id: 'ads', category: 'advertising' },
  ],
} as unknown as Settings;
const ids = (withdrawal: ReturnType<typeof withdrawalBetween>) =>
  withdrawal && { categories: withdrawal.categories, services: withdrawal.services.map((s) => s.id) };

describe('withdrawalBetween', () => {
  test('a category taken back takes its services with it', () => {
    expect(
      ids(withdrawalBetween(state({ analytics: true, advertising: true }), state({ analytics: false, advertising: true }), settings)),
    ).toEqual({
      categories: ['analytics'],
      services: ['ga', 'hotjar'],
    });
  });

  test('a service kept on its own survives its category', () => {
    expect(ids(withdrawalBetween(state({ analytics: true }), state({ analytics: false }, { ga: true }), settings))).toEqual({
      categories: ['analytics'],
      services: ['hotjar'],
    });
  });

  test('a service refused on its own is a withdrawal too', () => {
    expect(ids(withdrawalBetween(state({ analytics: true }), state({ analytics: true }, { hotjar: false }), settings))).toEqual({
      categories: [],
      services: ['hotjar'],
    });
  });

  test('granting more, or a first decision, takes nothing back', () => {
    expect(withdrawalBetween(state({ analytics: true }), state({ analytics: true, advertising: true }), settings)).toBeNull();
    expect(withdrawalBetween(state({}), state({ analytics: false, advertising: false }), settings)).toBeNull();
    expect(withdrawalBetween(state({ analytics: false }), state({ analytics: false }), settings)).toBeNull();
  });
});
