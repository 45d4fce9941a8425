import { atom } from 'nanostores';
import type { Settings } from '../core/config/types';
import type { Consent } from '../core/policy/api';
import { idGranted } from '../core/policy/grant-of';
import type { ConsentState } from '../core/policy/types';

/**
 * The API where there is no browser (server-side rendering, tests in Node): every call is a safe no-op
 * and nothing non-essential is granted, so server-rendered markup matches a visitor who has not chosen.
 */
export function inertConsent(settings: Settings): Consent {
  const categories: { [id: string]: boolean } = {};
  for (const { id, required } of settings.categories) categories[id] = required;
  const services: { [id: string]: boolean } = {};
  for (const { id } of settings.services) services[id] = false;
  const state: ConsentState = {
    status: 'pending',
    categories,
    services,
    record: null,
    regime: settings.regions.default,
    region: null,
    gpc: false,
    needsBanner: false,
  };
  const $state = atom(state);
  const noop = () => {};
  const resolved = () => Promise.resolve();
  return {
    settings,
    $state,
    get: () => state,
    isGranted: (id) => idGranted(state, id),
    acceptAll: noop,
    rejectAll: noop,
    set: noop,
    reset: noop,
    showBanner: resolved,
    showPreferences: resolved,
    hide: noop,
    on: () => noop,
    destroy: noop,
  };
}
