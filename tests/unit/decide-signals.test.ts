import { describe, expect, it } from 'vitest';
import { decide, refusedBySignal, type Signals } from '../../src/core/policy/decide';
import { recordFor } from '../../src/core/policy/record-for';
import type { ConsentRecord } from '../../src/core/policy/types';
import { validateConfig } from '../../src/core/config/validate';
import { makeSettings } from './fixtures/settings';

/** Issue 19 §3: the opt-out preference signals (GPC, and DNT where configured) in every regime. */
const NOW = 1_764_000_000_000;
const gpcOnly = makeSettings();
// Asks the cross-border consent (legacy `crossBorder`: the separate consent "cross-border", asked in CN).
const withTransfer = validateConfig({ crossBorder: { recipient: 'R', country: 'US', purpose: 'P', dataCategories: 'D' } }, () => {});
const withDnt = makeSettings({ signals: { gpc: true, dnt: true } });
const noSignals = makeSettings({ signals: { gpc: false, dnt: false } });
const at = (region: string | null, overrides: Partial<Signals> = {}): Signals => ({
  record: null,
  now: NOW,
  region,
  gpc: false,
  dnt: false,
  ...overrides,
});
const acceptedAll = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: 'visitor-0001',
  time: NOW - 1000,
  revision: 0,
  categories: { analytics: true, advertising: true },
  services: {},
  method: 'accept-all',
  expires: NOW + 1000,
  ...overrides,
});
const REGIONS = { 'opt-in': 'DE', 'opt-out': 'US-CA', 'notice-only': 'US-NY' } as const;

describe('decide() with an opt-out preference signal, per regime', () => {
  it.each([
    // regime, signal, analytics, advertising, banner, notice
    ['opt-in', 'none', false, false, true, false],
    ['opt-in', 'gpc', false, false, true, false],
    ['opt-in', 'dnt', false, false, true, false],
    ['opt-out', 'none', true, true, true, false],
    ['opt-out', 'gpc', true, false, false, true],
    ['opt-out', 'dnt', false, false, false, true],
    ['notice-only', 'none', true, true, false, false],
    ['notice-only', 'gpc', true, false, false, false],
    ['notice-only', 'dnt', false, false, false, false],
  ] as const)('%s, %s: analytics %s, advertising %s, banner %s, notice %s', (regime, signal, analytics, advertising, banner, notice) => {
    const state = decide(withDnt, at(REGIONS[regime], { gpc: signal === 'gpc', dnt: signal === 'dnt' }));
    expect(state.categories).toEqual({ essential: true, analytics, advertising });
    expect(state.services).toEqual({ ga: analytics, ads: advertising });
    expect({ banner: state.needsBanner, notice: state.needsNotice }).toEqual({ banner, notice });
    expect(state.signal).toBe(signal === 'none' ? null : signal);
  });

  it.each(Object.entries(REGIONS))('%s: a signal the owner does not honour changes nothing', (_, region) => {
    const honoured = decide(noSignals, at(region, { gpc: true, dnt: true }));
    const none = decide(noSignals, at(region));
    expect(honoured.categories).toEqual(none.categories);
    expect(honoured).toMatchObject({ signal: null, needsNotice: false, needsBanner: none.needsBanner, gpc: true });
  });

  it('DNT is ignored unless `signals.dnt` is on', () => {
    expect(decide(gpcOnly, at('US-NY', { dnt: true })).categories).toEqual({ essential: true, analytics: true, advertising: true });
  });

  it.each(Object.entries(REGIONS))('%s: GPC wins over an earlier "Accept all"', (_, region) => {
    const state = decide(gpcOnly, at(region, { gpc: true, record: acceptedAll() }));
    expect(state.categories).toEqual({ essential: true, analytics: true, advertising: false });
    expect(state.needsNotice).toBe(false);
  });

  it.each(Object.entries(REGIONS))('%s: a record that overrode the signal in the dialog wins over it', (_, region) => {
    const state = decide(
      gpcOnly,
      at(region, { gpc: true, record: acceptedAll({ method: 'custom', via: 'dialog', signalOverride: true }) }),
    );
    expect(state.categories.advertising).toBe(true);
  });

  it('a record made by honouring GPC in an opt-out region is no consent in another regime', () => {
    const honoured = acceptedAll({ method: 'gpc', via: 'gpc', categories: { analytics: true, advertising: false } });
    expect(decide(gpcOnly, at('US-CA', { gpc: true, record: honoured }))).toMatchObject({
      status: 'decided',
      needsNotice: false,
      categories: { analytics: true },
    });
    expect(decide(gpcOnly, at('DE', { gpc: true, record: honoured }))).toMatchObject({
      status: 'pending',
      needsBanner: true,
      record: null,
      categories: { analytics: false },
    });
    expect(decide(gpcOnly, at('US-NY', { record: honoured }))).toMatchObject({
      status: 'pending',
      record: null,
      categories: { analytics: true, advertising: true },
    });
  });

  it('a CCPA opt-out record ("do-not-sell") counts in the opt-out regime and elsewhere only refuses what it refused', () => {
    const optedOut = acceptedAll({
      method: 'do-not-sell',
      via: 'opt-out-link',
      region: 'US-CA',
      categories: { analytics: true, advertising: false },
    });
    expect(decide(gpcOnly, at('US-CA', { record: optedOut }))).toMatchObject({
      status: 'decided',
      needsBanner: false,
      categories: { analytics: true, advertising: false },
    });
    // The analytics it carries ran by default in California: in an opt-in region that is no consent; its refusal holds.
    expect(decide(gpcOnly, at('DE', { record: optedOut }))).toMatchObject({
      status: 'pending',
      needsBanner: true,
      record: null,
      categories: { analytics: false, advertising: false },
    });
    expect(decide(gpcOnly, at('US-NY', { record: optedOut }))).toMatchObject({
      status: 'pending',
      record: null,
      categories: { analytics: true, advertising: false },
      services: { ads: false },
    });
    const limited = acceptedAll({ method: 'limit-sensitive', via: 'opt-out-link', categories: { analytics: false, advertising: true } });
    expect(decide(gpcOnly, at('US-NY', { record: limited })).categories).toEqual({ essential: true, analytics: false, advertising: true });
  });

  it('`optOut.sale` widens what GPC refuses', () => {
    const wider = makeSettings({ optOut: { sale: ['analytics', 'advertising'], sensitive: [] } });
    expect(decide(wider, at('US-NY', { gpc: true })).categories).toEqual({ essential: true, analytics: false, advertising: false });
  });

  it("an override does not grant a minor's advertising", () => {
    const record = acceptedAll({ signalOverride: true, ageGroup: 'minor' });
    expect(decide(gpcOnly, at('DE', { gpc: true, record })).categories.advertising).toBe(false);
  });

  it('refusedBySignal: GPC objects to advertising, DNT to everything', () => {
    const sale = ['advertising'];
    expect(['analytics', 'advertising'].map((id) => refusedBySignal('gpc', id, sale))).toEqual([false, true]);
    expect(['analytics', 'advertising'].map((id) => refusedBySignal('dnt', id, sale))).toEqual([true, true]);
    expect(refusedBySignal(null, 'advertising', sale)).toBe(false);
    expect(refusedBySignal('gpc', 'analytics', ['analytics', 'advertising'])).toBe(true);
  });
});

describe('recordFor() records what is granted, not what was clicked', () => {
  const judgeAt = (signals: Signals) => (record: ConsentRecord) => decide(gpcOnly, { ...signals, record });

  it('"Accept all" under GPC in an opt-in region records advertising refused', () => {
    const signals = at('DE', { gpc: true });
    const previous = decide(gpcOnly, signals);
    const record = recordFor(
      gpcOnly,
      { categories: { analytics: true, advertising: true } },
      'accept-all',
      previous,
      NOW,
      { via: 'banner', lang: 'zh' },
      judgeAt(signals),
    );
    expect(record).toMatchObject({ categories: { analytics: true, advertising: false }, via: 'banner', lang: 'zh', method: 'accept-all' });
    expect(record.signalOverride).toBeUndefined();
  });

  it('an explicit override, given while the signal is honoured, is recorded and grants', () => {
    const signals = at('US-CA', { gpc: true });
    const previous = decide(gpcOnly, signals);
    const choices = { categories: { analytics: true, advertising: true }, overrideSignal: true };
    const record = recordFor(gpcOnly, choices, 'custom', previous, NOW, { via: 'dialog', lang: 'en' }, judgeAt(signals));
    expect(record).toMatchObject({ categories: { analytics: true, advertising: true }, signalOverride: true, via: 'dialog' });
  });

  it('an override without a signal to override is not recorded', () => {
    const signals = at('US-CA');
    const record = recordFor(
      gpcOnly,
      { categories: { advertising: true }, overrideSignal: true },
      'api',
      decide(gpcOnly, signals),
      NOW,
      {},
      judgeAt(signals),
    );
    expect(record.signalOverride).toBeUndefined();
  });

  it("a child's Accept all without a guardian is recorded as refusing everything optional, cross-border included", () => {
    const signals = at('CN');
    const choices = { categories: { analytics: true, advertising: true }, ageGroup: 'minor' as const, consents: { 'cross-border': true } };
    const record = recordFor(withTransfer, choices, 'accept-all', decide(withTransfer, signals), NOW, { via: 'banner' }, judgeAt(signals));
    expect(record.categories).toEqual({ analytics: false, advertising: false });
    expect(record.crossBorder).toBe(false);
    expect(record.regime).toBe(decide(withTransfer, signals).regime);
  });

  it("a child's Accept all confirmed by a guardian is recorded as granted, by the guardian", () => {
    const signals = at('CN');
    const choices = { categories: { analytics: true, advertising: true }, ageGroup: 'minor' as const, consents: { 'cross-border': true } };
    const record = recordFor(
      withTransfer,
      choices,
      'accept-all',
      decide(withTransfer, signals),
      NOW,
      { via: 'guardian', textsHash: 'abc123' },
      judgeAt(signals),
    );
    expect(record.categories).toEqual({ analytics: true, advertising: true });
    expect(record).toMatchObject({ via: 'guardian', ageGroup: 'minor', crossBorder: true, textsHash: 'abc123' });
  });
});
