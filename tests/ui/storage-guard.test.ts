import { atom } from 'nanostores';
import { afterEach, describe, expect, it } from 'vitest';
import { installStorageGuard } from '../../src/loader/effects/storage-guard';
import type { Settings } from '../../src/core/config/types';
import type { ConsentState } from '../../src/core/policy/types';
import { createConfigPhase } from '../../src/loader/config-phase';

// The guard's web-storage half in happy-dom (which has Storage but no IndexedDB: that half is left out, and
// tested in Chromium by tests/e2e/blocking-storage.test.ts).

const state = (categories: { [id: string]: boolean }): ConsentState => ({
  status: 'decided',
  categories: { essential: true, ...categories },
  services: {},
  record: null,
  regime: 'opt-in',
  region: null,
  gpc: false,
  needsBanner: false,
});
const settings = {
  services: [{ id: 'replay', category: 'analytics', storage: [{ key: 'rec_*' }] }],
} as unknown as Settings;

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  localStorage.clear();
  sessionStorage.clear();
});

function guard() {
  const $state = atom(state({}));
  const $settings = atom<Settings | null>(null);
  uninstall = installStorageGuard({ $state, $settings, $configPhase: createConfigPhase(), emit: () => {} });
  return { $state, $settings };
}

describe('storage guard', () => {
  it('drops a table key before the config is known, lets the site’s own keys and declared ones through', () => {
    guard();
    localStorage.setItem('ph_phc_1_posthog', 'x');
    sessionStorage.setItem('mp_tab_id_mixpanel_x', 'x');
    localStorage.setItem('cart', '2');
    sessionStorage.setItem('rec_1', 'x');
    localStorage.setItem('consentry:settings', '[]');
    expect(Object.keys(localStorage).sort()).toEqual(['cart', 'consentry:settings']);
    expect(Object.keys(sessionStorage)).toEqual(['rec_1']);
  });

  it('once the config is known: sweeps what it refuses and drops later writes of it', () => {
    const { $state, $settings } = guard();
    sessionStorage.setItem('rec_1', 'x');
    localStorage.ph_assigned_posthog = 'x';
    $settings.set(settings);
    $state.set(state({ analytics: false }));
    expect(Object.keys(sessionStorage)).toEqual([]);
    expect(Object.keys(localStorage)).toEqual([]);
    // (Which store a setItem writes to is told by `this == sessionStorage`, which happy-dom's proxied stores
    // never are: the area is tested in Chromium.)
    localStorage.setItem('ph_phc_1_posthog', 'x');
    expect(Object.keys(localStorage)).toEqual([]);
    // What passes once granted is checked in Chromium (tests/e2e/blocking-storage.test.ts), with the browser's
    // own stores: happy-dom's did not list every such write reliably here.
  });

  it('sweeps keys assigned as properties when the page is hidden', () => {
    const { $state, $settings } = guard();
    $settings.set(settings);
    $state.set(state({ analytics: false }));
    localStorage.mp_x_mixpanel = 'x';
    expect(Object.keys(localStorage)).toEqual(['mp_x_mixpanel']);
    window.dispatchEvent(new Event('pagehide'));
    expect(Object.keys(localStorage)).toEqual([]);
  });

  it('uninstalls: setItem is the browser’s again', () => {
    const original = Storage.prototype.setItem;
    guard();
    expect(Storage.prototype.setItem).not.toBe(original);
    uninstall!();
    uninstall = undefined;
    expect(Storage.prototype.setItem).toBe(original);
  });
});
