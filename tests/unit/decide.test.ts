import { describe, expect, it } from 'vitest';
import { decide, type Signals } from '../../src/core/policy/decide';
import { regimeFor } from '../../src/core/policy/regime';
import type { ConsentRecord } from '../../src/core/policy/types';
import { makeSettings } from './fixtures/settings';

const NOW = 1_764_000_000_000;
const settings = makeSettings({ revision: 2 });
const record = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: 'visitor-0001',
  time: NOW - 1000,
  revision: 2,
  categories: { analytics: true, advertising: true },
  services: {},
  method: 'accept-all',
  expires: NOW + 1000,
  ...overrides,
});
const signals = (overrides: Partial<Signals> = {}): Signals => ({
  record: null,
  now: NOW,
  region: null,
  gpc: false,
  dnt: false,
  ...overrides,
});

describe('regimeFor', () => {
  it('lets the subdivision rule beat the country rule', () => {
    expect(regimeFor(settings.regions, 'US-CA')).toBe('opt-out');
    expect(regimeFor(settings.regions, 'US-NY')).toBe('notice-only');
    expect(regimeFor(settings.regions, 'CN')).toBe('opt-in');
  });
  it('falls back to the default for unknown or missing regions', () => {
    expect(regimeFor(settings.regions, 'BR')).toBe('opt-in');
    expect(regimeFor(settings.regions, null)).toBe('opt-in');
    expect(regimeFor({ ...settings.regions, default: 'opt-out' }, null)).toBe('opt-out');
  });
});

describe('decide', () => {
  it('opt-in without a record: only essential, banner needed', () => {
    const state = decide(settings, signals());
    expect(state.categories).toEqual({ essential: true, analytics: false, advertising: false });
    expect(state.services).toEqual({ ga: false, ads: false });
    expect(state).toMatchObject({ status: 'pending', needsBanner: true, regime: 'opt-in', record: null });
  });

  it('honours a valid record and hides the banner', () => {
    const state = decide(settings, signals({ record: record({ categories: { analytics: true, advertising: false } }) }));
    expect(state.categories).toEqual({ essential: true, analytics: true, advertising: false });
    expect(state).toMatchObject({ status: 'decided', needsBanner: false });
  });

  it('asks again when the config revision is newer than the record', () => {
    const state = decide(settings, signals({ record: record({ revision: 1 }) }));
    expect(state).toMatchObject({ status: 'pending', needsBanner: true, record: null });
    expect(state.categories.analytics).toBe(false);
  });

  it('asks again when the record has expired', () => {
    const state = decide(settings, signals({ record: record({ expires: NOW }) }));
    expect(state).toMatchObject({ status: 'pending', needsBanner: true });
  });

  it('refuses a category the record does not mention in opt-in (e.g. one added later)', () => {
    const custom = makeSettings({
      categories: [...settings.categories, { id: 'preferences', title: '', description: '', required: false }],
    });
    expect(decide(custom, signals({ record: record({ revision: 0 }) })).categories.preferences).toBe(false);
  });

  it('applies service refusals inside a granted category', () => {
    const state = decide(settings, signals({ record: record({ services: { ga: false } }) }));
    expect(state.services).toEqual({ ga: false, ads: true });
  });

  it('opt-out: everything until the visitor objects, banner still shown as notice', () => {
    const state = decide(settings, signals({ region: 'US-CA' }));
    expect(state.categories).toEqual({ essential: true, analytics: true, advertising: true });
    expect(state).toMatchObject({ regime: 'opt-out', needsBanner: true, status: 'pending' });
  });

  it('opt-out with GPC: advertising refused without any click', () => {
    const state = decide(settings, signals({ region: 'US-CA', gpc: true }));
    expect(state.categories).toEqual({ essential: true, analytics: true, advertising: false });
    expect(state.services.ads).toBe(false);
    expect(state.gpc).toBe(true);
  });

  it('opt-out with GPC overrides an earlier opt-in to advertising', () => {
    const state = decide(settings, signals({ region: 'US-CA', gpc: true, record: record() }));
    expect(state.categories.advertising).toBe(false);
    expect(state.categories.analytics).toBe(true);
  });

  it('GPC is ignored when the owner turned the signal off', () => {
    const off = makeSettings({ signals: { gpc: false, dnt: false } });
    expect(decide(off, signals({ region: 'US-CA', gpc: true })).categories.advertising).toBe(true);
  });

  it('DNT objects to everything in opt-out only when enabled', () => {
    expect(decide(settings, signals({ region: 'US-CA', dnt: true })).categories.analytics).toBe(true);
    const dnt = makeSettings({ signals: { gpc: true, dnt: true } });
    expect(decide(dnt, signals({ region: 'US-CA', dnt: true })).categories).toEqual({
      essential: true,
      analytics: false,
      advertising: false,
    });
  });

  it('notice-only: everything granted and no banner', () => {
    const state = decide(settings, signals({ region: 'US-NY' }));
    expect(state.categories).toEqual({ essential: true, analytics: true, advertising: true });
    expect(state.needsBanner).toBe(false);
  });

  it('grants nothing optional on the say of a visitor under the age threshold, in every regime', () => {
    for (const region of [null, 'US-CA', 'US-TX']) {
      const state = decide(settings, signals({ region, record: record({ ageGroup: 'minor', via: 'banner' }) }));
      expect(state.categories).toEqual({ essential: true, analytics: false, advertising: false });
      expect(Object.values(state.services).some(Boolean)).toBe(false);
    }
  });

  it('with minors.ask, an opt-out region runs nothing optional before the age is answered; notice-only is unchanged', () => {
    const asking = { ...settings, minors: { ...settings.minors, ask: true } };
    expect(decide(asking, signals({ region: 'US-CA' })).categories).toEqual({ essential: true, analytics: false, advertising: false });
    expect(decide(asking, signals({ region: 'US-TX' })).categories).toEqual({ essential: true, analytics: true, advertising: true });
    expect(decide(settings, signals({ region: 'US-CA' })).categories).toEqual({ essential: true, analytics: true, advertising: true });
  });

  it("grants what a parent or guardian confirmed for a visitor under the threshold (via 'guardian')", () => {
    const state = decide(settings, signals({ record: record({ ageGroup: 'minor', via: 'guardian' }) }));
    expect(state.categories).toEqual({ essential: true, analytics: true, advertising: true });
  });

  it('keeps essential granted whatever the record says', () => {
    const state = decide(settings, signals({ record: record({ categories: { essential: false } as any }) }));
    expect(state.categories.essential).toBe(true);
  });

  it.each([
    ['opt-in', null],
    ['opt-out', 'US-CA'],
    ['notice-only', 'US-TX'],
  ])('%s: a stored reject-all holds', (_, region) => {
    const state = decide(
      settings,
      signals({ region, record: record({ categories: { analytics: false, advertising: false }, method: 'reject-all' }) }),
    );
    expect(state.categories).toEqual({ essential: true, analytics: false, advertising: false });
    expect(state.needsBanner).toBe(false);
  });
});
