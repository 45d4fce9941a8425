import { describe, expect, it, vi } from 'vitest';
import type { ConfigError } from '../../src/core/config/errors';
import type { ConsentryConfig, SeparateConsentConfig } from '../../src/core/config/types';
import { validateConfig } from '../../src/core/config/validate';
import { decide, type Signals } from '../../src/core/policy/decide';
import { decodeRecord, encodeRecord } from '../../src/core/policy/record';
import { recordFor } from '../../src/core/policy/record-for';
import { consentsAsked } from '../../src/core/policy/separate-consents';
import type { ConsentRecord } from '../../src/core/policy/types';
import { withdrawalBetween } from '../../src/core/policy/withdrawal';
import { createRewriter } from '../../src/node/rewrite/create-rewriter';

const NOW = 1_764_000_000_000;
const quiet = () => {};

const TRANSFER: SeparateConsentConfig = {
  id: 'us-analytics',
  kind: 'transfer',
  recipient: { en: 'Northstar Metrics, Inc.', zh: 'Northstar Metrics 公司' },
  country: 'US',
  contact: 'privacy@northstar.example',
  purpose: 'Site analytics',
  processingMethod: 'Collected by a script in your browser, kept 14 months',
  dataCategories: 'A pseudonymous browser id, pages visited',
  rights: 'Write to privacy@northstar.example',
};

const CONFIG: ConsentryConfig = {
  separateConsents: [TRANSFER, { ...TRANSFER, id: 'health', kind: 'sensitive', country: undefined, regions: ['CN'] }],
  services: [
    { id: 'northstar', category: 'analytics', hosts: ['cdn.northstar.example'], separateConsents: ['us-analytics'] },
    { id: 'local-stats', category: 'analytics', hosts: ['stats.example.cn'] },
    { id: 'clinic', category: 'analytics', separateConsents: ['us-analytics', 'health'] },
  ],
  regions: {
    rules: [
      { regions: ['CN'], regime: 'opt-in' },
      { regions: ['US-CA'], regime: 'opt-out' },
    ],
  },
};
const settings = validateConfig(JSON.parse(JSON.stringify(CONFIG)), quiet);

const record = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: 'visitor-0001',
  time: NOW - 1000,
  revision: 0,
  categories: { analytics: true, advertising: false },
  services: {},
  method: 'custom',
  expires: NOW + 864e5,
  region: 'CN',
  ...overrides,
});
const signals = (overrides: Partial<Signals> = {}): Signals => ({
  record: null,
  now: NOW,
  region: 'CN',
  gpc: false,
  dnt: false,
  ...overrides,
});
const problemsOf = (config: unknown) => {
  try {
    validateConfig(config, quiet);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('config: separateConsents', () => {
  it('fills in the defaults: a country only for a transfer, asked in China and where the region is unknown', () => {
    expect(settings.separateConsents).toEqual([
      { ...TRANSFER, regions: ['CN', 'default'] },
      { ...TRANSFER, id: 'health', kind: 'sensitive', country: '', regions: ['CN'] },
    ]);
    expect(settings.services.map((service) => service.separateConsents)).toEqual([['us-analytics'], [], ['us-analytics', 'health']]);
  });

  it('names every problem: each missing art. 39 field, a transfer without country, a bad kind, region and reference', () => {
    const problems = problemsOf({
      separateConsents: [
        { id: 'x', kind: 'transfer', recipient: 'R' },
        { id: 'x', kind: 'gift', regions: ['China'] },
      ],
      services: [{ id: 's', category: 'analytics', separateConsents: ['y'] }],
    });
    expect(problems.map((problem) => problem.path + ' ' + problem.message)).toEqual([
      'separateConsents[0].contact is required',
      'separateConsents[0].purpose is required',
      'separateConsents[0].processingMethod is required',
      'separateConsents[0].dataCategories is required',
      'separateConsents[0].rights is required',
      'separateConsents[0].country is required for a transfer abroad (PIPL art. 39)',
      'separateConsents[1].id "x" is declared twice',
      'separateConsents[1].kind "gift" must be one of transfer, sensitive, provision',
      'separateConsents[1].regions[0] "China" must be a region code such as "CN" or "default"',
      'separateConsents[1].recipient is required',
      'separateConsents[1].contact is required',
      'separateConsents[1].purpose is required',
      'separateConsents[1].processingMethod is required',
      'separateConsents[1].dataCategories is required',
      'separateConsents[1].rights is required',
      'services[0].separateConsents[0] "y" is not a declared separate consent (separateConsents[].id)',
    ]);
  });

  it('still reads the legacy crossBorder, as the consent "cross-border", and says what it lacks', () => {
    const warnings: string[] = [];
    const legacy = validateConfig(
      {
        crossBorder: { recipient: 'R', country: 'US', purpose: 'P', dataCategories: 'D' },
        services: [{ id: 'r', category: 'analytics', separateConsents: ['cross-border'] }],
      },
      (message) => warnings.push(message),
    );
    expect(legacy.separateConsents).toEqual([
      {
        id: 'cross-border',
        kind: 'transfer',
        recipient: 'R',
        country: 'US',
        contact: '',
        purpose: 'P',
        processingMethod: '',
        dataCategories: 'D',
        rights: '',
        regions: ['CN', 'default'],
      },
    ]);
    expect(warnings).toEqual([expect.stringMatching(/^crossBorder: superseded by "separateConsents".*how to exercise rights/)]);
    expect(
      problemsOf({
        crossBorder: { recipient: 'R', country: 'US', purpose: 'P', dataCategories: 'D' },
        separateConsents: [{ ...TRANSFER, id: 'cross-border' }],
      }),
    ).toEqual([{ path: 'separateConsents[0].id', message: '"cross-border" is declared twice' }]);
  });

  it('warns about a consent that no service needs: asked, and holding nothing back', () => {
    const warn = vi.fn();
    validateConfig({ separateConsents: [TRANSFER] }, warn);
    expect(warn).toHaveBeenCalledWith('separate consent "us-analytics": no service names it, so refusing it holds nothing back');
  });
});

describe('consentsAsked', () => {
  it('asks where the region, its country or (unknown region) "default" is listed, and nowhere else', () => {
    const ids = (region: string | null) => consentsAsked(settings, region).map((consent) => consent.id);
    expect(ids('CN')).toEqual(['us-analytics', 'health']);
    expect(ids('CN-BJ')).toEqual(['us-analytics', 'health']);
    expect(ids(null)).toEqual(['us-analytics']);
    expect(ids('DE')).toEqual([]);
    expect(ids('US-CA')).toEqual([]);
  });
});

describe('decide with separate consents', () => {
  it('in China holds a service whose category is granted until its separate consent is', () => {
    const state = decide(settings, signals({ record: record() }));
    expect(state.categories.analytics).toBe(true);
    expect(state.consents).toEqual({ 'us-analytics': false, health: false });
    expect(state.services).toMatchObject({ northstar: false, 'local-stats': true, clinic: false });

    const granted = decide(settings, signals({ record: record({ consents: { 'us-analytics': true, health: false } }) }));
    expect(granted.services).toMatchObject({ northstar: true, 'local-stats': true, clinic: false });
    expect(decide(settings, signals({ record: record({ consents: { 'us-analytics': true, health: true } }) })).services.clinic).toBe(true);
  });

  it('a separate consent withdrawn is a withdrawal of the services that need it (clean-up, reload)', () => {
    const granted = decide(settings, signals({ record: record({ consents: { 'us-analytics': true, health: true } }) }));
    const withdrawn = decide(settings, signals({ record: record({ consents: { 'us-analytics': false, health: true } }) }));
    expect(withdrawalBetween(granted, withdrawn, settings)).toEqual({
      categories: [],
      services: [settings.services[0], settings.services[2]],
    });
  });

  it('never lets a consent outrun the category: granted consent, refused analytics holds the service', () => {
    const state = decide(settings, signals({ record: record({ categories: { analytics: false }, consents: { 'us-analytics': true } }) }));
    expect(state.services.northstar).toBe(false);
  });

  it('asks nothing where nothing requires it: in the EU the service follows its category alone', () => {
    const state = decide(settings, signals({ region: 'DE', record: record({ region: 'DE' }) }));
    expect(state.consents).toEqual({});
    expect(state.services.northstar).toBe(true);
  });

  it('grants no separate consent by default, not even in an opt-out region that asks it', () => {
    const optOut = validateConfig(
      { ...JSON.parse(JSON.stringify(CONFIG)), separateConsents: [{ ...TRANSFER, regions: ['US-CA'] }], services: [CONFIG.services![0]] },
      quiet,
    );
    const state = decide(optOut, signals({ region: 'US-CA' }));
    expect(state.categories.analytics).toBe(true);
    expect(state.services.northstar).toBe(false);
  });
});

describe('recordFor with separate consents', () => {
  const before = decide(settings, signals());
  const judge = (r: ConsentRecord) => decide(settings, signals({ record: r }));

  it('"Accept all" grants every category and no separate consent, and the record says each one was refused', () => {
    const made = recordFor(settings, { categories: { analytics: true, advertising: true } }, 'accept-all', before, NOW, {}, judge);
    expect(made.consents).toEqual({ 'us-analytics': false, health: false });
    expect(judge(made).services.northstar).toBe(false);
  });

  it('stores an explicit grant, keeps it through a later "Accept all", and the legacy crossBorder answer names its consent', () => {
    const granted = recordFor(
      settings,
      { categories: { analytics: true }, consents: { 'us-analytics': true } },
      'custom',
      before,
      NOW,
      {},
      judge,
    );
    expect(granted.consents).toEqual({ 'us-analytics': true, health: false });
    const later = recordFor(settings, { categories: { analytics: true } }, 'accept-all', judge(granted), NOW, {}, judge);
    expect(later.consents).toEqual({ 'us-analytics': true, health: false });

    const legacy = validateConfig({ crossBorder: { recipient: 'R', country: 'US', purpose: 'P', dataCategories: 'D' } }, quiet);
    const answered = recordFor(legacy, { categories: {}, crossBorder: true }, 'custom', decide(legacy, signals()), NOW);
    expect(answered).toMatchObject({ consents: { 'cross-border': true }, crossBorder: true });
  });

  it('stores no consent a region does not ask, whatever the choices say', () => {
    const inEu = decide(settings, signals({ region: 'DE' }));
    const made = recordFor(settings, { categories: { analytics: true }, consents: { 'us-analytics': true } }, 'custom', inEu, NOW);
    expect(made.consents).toBeUndefined();
  });
});

describe('record wire format', () => {
  it('round-trips several separate consents, each granted or refused', () => {
    const r = record({ consents: { 'us-analytics': true, health: false } });
    expect(encodeRecord(r)).toContain('|us-analytics.!health|');
    expect(decodeRecord(encodeRecord(r))).toEqual(r);
  });

  it('reads the old one-flag cross-border field as the consent "cross-border"', () => {
    const old = '1|AbCdEfGhIjKlMnOpQrStUv|midc1z40|3|analytics|!ga|c|mple70g0|CN|a|1';
    expect(decodeRecord(old)).toMatchObject({ consents: { 'cross-border': true }, crossBorder: true });
  });

  it('treats a malformed consents field as no consent', () => {
    expect(decodeRecord(encodeRecord(record({ consents: { 'us-analytics': true } })).replace('us-analytics', 'US analytics'))).toBeNull();
  });
});

describe('the HTML rewriter holds the same way', () => {
  const rewriter = createRewriter({ settings });
  const page = '<script src="https://cdn.northstar.example/ns.js"></script><img src="https://stats.example.cn/p.gif">';
  // The rewriter decides at the real time: records made a second ago, valid for a day.
  const cookie = (r: ConsentRecord) =>
    'consentry=' + encodeURIComponent(encodeRecord({ ...r, time: Date.now() - 1000, expires: Date.now() + 864e5 }));

  it('keeps the foreign recipient held in China while only the category is granted, and lets the domestic one run', () => {
    const html = rewriter.rewrite(page, { url: 'https://shop.example/', region: 'CN', cookie: cookie(record()) });
    expect(html).toContain('data-src="https://cdn.northstar.example/ns.js"');
    expect(html).toContain('data-service="northstar"');
    expect(html).toContain('<img src="https://stats.example.cn/p.gif">');
  });

  it('leaves it alone once the separate consent is granted, and for an EU visitor who granted analytics', () => {
    const granted = record({ consents: { 'us-analytics': true, health: false } });
    expect(rewriter.rewrite(page, { url: 'https://shop.example/', region: 'CN', cookie: cookie(granted) })).toBe(page);
    expect(rewriter.rewrite(page, { url: 'https://shop.example/', region: 'DE', cookie: cookie(record({ region: 'DE' })) })).toBe(page);
  });
});
