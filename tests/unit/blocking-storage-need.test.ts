import { describe, expect, test } from 'vitest';
import type { Settings } from '../../src/core/config/types';
import { matchesName } from '../../src/core/classify/name-pattern';
import { storageNeed } from '../../src/core/classify/storage-need';
import { DATABASES, STORAGE_KEYS } from '../../src/core/classify/tables/loader-storage';

describe('matchesName', () => {
  test.each([
    ['ph_*_posthog', 'ph_phc_abc123_posthog', true],
    ['ph_*_posthog', 'ph__posthog', true],
    ['ph_*_posthog', 'ph_posthog', false], // the two literal pieces may not overlap
    ['ph_*_posthog', 'ph_x_posthog_extra', false],
    ['ph_*_posthog', 'xph_x_posthog', false],
    ['mp_*', 'mp_', true],
    ['mp_*', 'MP_x', false], // case-sensitive, as storage keys are
    ['*_dd_s', 'a_dd_s', true],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'acb', false],
    ['a*b*c', 'abcb', false],
    ['**', '', true],
    ['_dd_s', '_dd_s', true],
    ['_dd_s', '_dd_s2', false],
    ['a.b', 'axb', false], // no character is special but `*`
  ])('%s ~ %s: %s', (pattern, name, expected) => {
    expect(matchesName(pattern, name)).toBe(expected);
  });
});

const settings = {
  services: [
    { id: 'own-cart', category: 'essential', storage: [{ key: 'mp_cart' }] },
    {
      id: 'replay',
      category: 'analytics',
      storage: [
        { key: 'rec_', prefix: true, type: 'session' },
        { key: 'recDb*', type: 'indexeddb' },
      ],
    },
    { id: 'wild', category: 'advertising', storage: [{ key: '*' }] },
  ],
} as unknown as Settings;

describe('storageNeed', () => {
  test('the SDK keys are essential whatever a declaration says', () => {
    expect(storageNeed('local', 'consentry:settings', settings)).toEqual({ category: 'essential' });
  });

  test('a declaration wins over the table and names its service', () => {
    expect(storageNeed('local', 'mp_cart', settings)).toEqual({ service: 'own-cart', category: 'essential' });
    expect(storageNeed('session', 'rec_1', settings)).toEqual({ service: 'replay', category: 'analytics' });
  });

  test("a declaration's type picks the area; no type means both web stores, never IndexedDB", () => {
    const only = { services: [settings.services[1]] } as unknown as Settings;
    expect(storageNeed('local', 'rec_1', only)).toBeNull();
    expect(storageNeed('indexeddb', 'recDb-7', only)).toEqual({ service: 'replay', category: 'analytics' });
    expect(storageNeed('local', 'recDb-7', only)).toBeNull();
    expect(storageNeed('indexeddb', 'anything', settings)).toBeNull();
    expect(storageNeed('session', 'anything', settings)).toEqual({ service: 'wild', category: 'advertising' });
  });

  test('the table names well-known vendor keys and databases, before and after the config is known', () => {
    for (const s of [null, { services: [] } as unknown as Settings]) {
      expect(storageNeed('local', 'ph_phc_x_posthog', s)).toEqual({ category: 'analytics' });
      expect(storageNeed('session', 'ph_phc_x_window_id', s)).toEqual({ category: 'analytics' });
      expect(storageNeed('session', 'mp_tab_id_mixpanel_x', s)).toEqual({ category: 'analytics' });
      expect(storageNeed('indexeddb', 'mixpanelBrowserDb', s)).toEqual({ category: 'analytics' });
      expect(storageNeed('local', 'mixpanelBrowserDb', s)).toBeNull();
      expect(storageNeed('local', 'cart', s)).toBeNull();
      // Storage-support probes pass: dropping one would make a library think storage is broken for good.
      expect(storageNeed('local', '__mplss_1234abcd', s)).toBeNull();
      expect(storageNeed('local', '__support__', s)).toBeNull();
      // Opt-out markers pass: a refusal the site passes on to the vendor must stick.
      expect(storageNeed('local', '__ph_opt_in_out_phc_x', s)).toBeNull();
      expect(storageNeed('local', '__mp_opt_in_out_tok', s)).toBeNull();
    }
  });

  test('every table entry is a pattern with a tracker category', () => {
    for (const [pattern, category] of [...STORAGE_KEYS, ...DATABASES]) {
      expect(pattern).toMatch(/^[^;,=\s]+$/);
      expect(['analytics', 'advertising']).toContain(category);
    }
  });
});
