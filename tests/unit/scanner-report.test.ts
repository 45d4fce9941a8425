import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { createClassifier } from '../../src/node/cli/classify/classifier';
import { builtInTables } from '../../src/node/cli/classify/tables';
import { aggregate } from '../../src/node/cli/report/aggregate';
import { draftConfig } from '../../src/node/cli/report/draft-config';
import { escapeHtml, renderHtml } from '../../src/node/cli/report/html';
import { escapeMarkdown, renderMarkdown } from '../../src/node/cli/report/markdown';
import type { ScanReport } from '../../src/node/cli/report/scan-report';
import { buildSections } from '../../src/node/cli/report/sections';
import type { CookieObservation, PageVisit, RequestObservation, Snapshot } from '../../src/node/cli/types';

const SITE = 'http://127.0.0.1:4000';
const ADS = 'http://127.0.0.1:4002';
const NOW = Date.UTC(2025, 0, 1);
const inDays = (days: number) => Math.round(NOW / 1000 + days * 86400);

function cookie(name: string, extra: Partial<CookieObservation> = {}): CookieObservation {
  return {
    name,
    domain: '127.0.0.1',
    path: '/',
    expires: null,
    httpOnly: false,
    secure: false,
    sameSite: 'Lax',
    setBy: { kind: 'unknown' },
    ...extra,
  };
}
function request(url: string, extra: Partial<RequestObservation> = {}): RequestObservation {
  return {
    url,
    host: new URL(url).host,
    resourceType: 'script',
    method: 'GET',
    frame: SITE + '/',
    initiators: [SITE + '/'],
    redirectedFrom: [],
    ...extra,
  };
}
function visit(path: string, snapshots: Array<Partial<Snapshot> & { phase: Snapshot['phase'] }>): PageVisit {
  return {
    url: SITE + path,
    depth: 0,
    status: 200,
    error: null,
    timedOut: false,
    consentry: true,
    consentBy: 'click',
    links: [],
    snapshots: snapshots.map((snapshot) => ({ url: SITE + path, cookies: [], storage: [], requests: [], ...snapshot })),
  };
}

const analyticsScript = { kind: 'script' as const, url: 'https://www.googletagmanager.com/gtag/js?id=G-1', inline: false };
const visits: PageVisit[] = [
  visit('/', [
    { phase: 'before-consent', cookies: [cookie('sid', { httpOnly: true, setBy: { kind: 'header', url: SITE + '/' } })] },
    {
      phase: 'after-accept',
      cookies: [
        cookie('sid', { httpOnly: true, setBy: { kind: 'header', url: SITE + '/' } }),
        cookie('_ga', { expires: inDays(730), setBy: analyticsScript }),
        cookie('_ga_ABC123', { expires: inDays(730), setBy: analyticsScript }),
        cookie('IDE', { expires: inDays(390), setBy: { kind: 'header', url: ADS + '/px.gif' } }),
        cookie('mystery', { setBy: { kind: 'script', url: SITE + '/', inline: true } }),
      ],
      storage: [{ type: 'local', origin: SITE, key: 'ns_visitor|<b>', setBy: analyticsScript }],
      requests: [
        request('https://www.googletagmanager.com/gtag/js?id=G-1'),
        request('https://www.google-analytics.com/g/collect?v=2', {
          resourceType: 'ping',
          initiators: ['https://www.googletagmanager.com/gtag/js?id=G-1', SITE + '/'],
        }),
        request(ADS + '/px.gif', { resourceType: 'image' }),
        request('https://fonts.unknown.example/a.woff2', { resourceType: 'font' }),
      ],
    },
  ]),
  visit('/pricing', [
    { phase: 'before-consent', cookies: [cookie('_ga', { expires: inDays(730), setBy: analyticsScript })] },
    {
      phase: 'after-accept',
      cookies: [cookie('_ga', { expires: inDays(731), setBy: analyticsScript })],
      requests: [request(ADS + '/px.gif', { resourceType: 'image' })],
    },
  ]),
];

const settings = validateConfig({
  services: [
    { id: 'site', category: 'essential', provider: 'Shop Ltd.', cookies: [{ name: 'sid' }] },
    { id: 'adco', category: 'advertising', provider: 'AdCo', privacyPolicyUrl: 'https://adco.example/privacy' },
  ],
  blocking: { rules: [{ match: ADS + '/', service: 'adco' }] },
});
const classifier = createClassifier({ tables: builtInTables, settings, siteOrigin: SITE });
const findings = aggregate(visits, classifier, SITE, NOW);
const report: ScanReport = {
  tool: { name: 'consentry', version: '0.0.0' },
  startUrl: SITE + '/',
  origin: SITE,
  scannedAt: new Date(NOW).toISOString(),
  durationMs: 1234,
  consentry: true,
  pages: visits.map(({ url, depth, status, error, timedOut, consentry, consentBy }) => ({
    url,
    depth,
    status,
    error,
    timedOut,
    consentry,
    consentBy,
  })),
  ...findings,
  visits,
};

describe('aggregate', () => {
  it('merges a cookie seen on several pages and phases into one finding', () => {
    const ga = findings.cookies.find((c) => c.name == '_ga')!;
    expect(ga.pages).toEqual([SITE + '/', SITE + '/pricing']);
    expect(ga.phases).toEqual(['after-accept', 'before-consent']);
    expect(ga.expires).toBe(inDays(731));
    expect(ga.duration).toBe('2 years');
    expect(ga.party).toBe('first');
    expect(ga.setBy).toEqual([analyticsScript]);
    expect(ga.classification).toMatchObject({ category: 'analytics', provider: 'Google Analytics' });
    expect(findings.cookies.filter((c) => c.name == '_ga')).toHaveLength(1);
  });
  it('sorts every finding; the third party that set a cookie decides its party', () => {
    const byName = Object.fromEntries(findings.cookies.map((c) => [c.name, c]));
    expect(byName.sid.classification).toMatchObject({ category: 'essential', service: 'site' });
    expect(byName.IDE).toMatchObject({ party: 'third', duration: '13 months' });
    // The config names the server that set it: its service wins over the tables' name-only guess.
    expect(byName.IDE.classification).toMatchObject({ category: 'advertising', service: 'adco', provider: 'AdCo' });
    expect(byName.mystery.classification.category).toBe('unclassified');
    expect(findings.storage[0].classification.category).toBe('analytics');
  });
  it('groups requests per origin with their types, URLs, initiators and pages', () => {
    const ads = findings.requests.find((r) => r.origin == ADS)!;
    expect(ads).toMatchObject({ count: 2, resourceTypes: ['image'], pages: [SITE + '/', SITE + '/pricing'], party: 'third' });
    expect(ads.classification).toMatchObject({ category: 'advertising', service: 'adco' });
    const collect = findings.requests.find((r) => r.host == 'www.google-analytics.com')!;
    expect(collect.initiators).toEqual([['https://www.googletagmanager.com/gtag/js?id=G-1', SITE + '/']]);
    expect(findings.requests.find((r) => r.host == 'fonts.unknown.example')!.classification.category).toBe('unclassified');
  });
});

describe('draftConfig', () => {
  const draft = draftConfig(report, settings);
  it('passes the SDK validator', () => {
    expect(() => validateConfig(draft)).not.toThrow();
  });
  it('groups by provider, keeps declared services, uses prefixes the tables know, leaves unclassified out', () => {
    const services = Object.fromEntries(draft.services!.map((s) => [s.id, s]));
    // The tables know gtag.js as Google Tag Manager, a provider of its own.
    expect(Object.keys(services).sort()).toEqual(['adco', 'google-analytics', 'google-tag-manager', 'site']);
    expect(services['google-analytics']).toMatchObject({ category: 'analytics', provider: 'Google Analytics' });
    expect(services['google-analytics'].cookies!.map((c) => [c.name, !!c.prefix, c.duration])).toEqual([
      ['_ga', false, '2 years'],
      ['_ga_', true, '2 years'],
    ]);
    // An unknown key belongs to whoever wrote it: here the gtag.js script.
    expect(services['google-tag-manager'].storage).toEqual([expect.objectContaining({ key: 'ns_visitor|<b>', type: 'local' })]);
    expect(services['google-analytics'].hosts).toEqual(['www.google-analytics.com']);
    expect(services['google-tag-manager'].hosts).toEqual(['www.googletagmanager.com']);
    expect(services.adco).toMatchObject({ category: 'advertising', provider: 'AdCo', privacyPolicyUrl: 'https://adco.example/privacy' });
    expect(services.adco.cookies).toEqual([expect.objectContaining({ name: 'IDE', duration: '13 months' })]);
    expect(services.site.cookies).toEqual([expect.objectContaining({ name: 'sid', duration: 'session' })]);
    expect(JSON.stringify(draft)).not.toContain('mystery');
    expect(JSON.stringify(draft)).not.toContain('fonts.unknown.example');
  });
  it('tells parties on one IP apart by URL prefix, since hosts cannot carry a port', () => {
    expect(draft.blocking!.rules).toEqual([{ match: ADS + '/', service: 'adco' }]);
  });
  it('gives unique ids that are not category ids', () => {
    const clash = draftConfig(
      {
        ...report,
        cookies: [],
        storage: [],
        requests: [
          { ...findings.requests[0], classification: { category: 'analytics', provider: 'Analytics', purpose: '', source: 'table' } },
          {
            ...findings.requests[0],
            origin: 'https://b.example',
            host: 'b.example',
            classification: { category: 'advertising', provider: 'Analytics', purpose: '', source: 'table' },
          },
        ],
      },
      null,
    );
    const ids = clash.services!.map((s) => s.id);
    expect(new Set(ids).size).toBe(2);
    expect(ids).not.toContain('analytics');
    expect(() => validateConfig(clash)).not.toThrow();
  });
});

describe('reports', () => {
  const sections = buildSections(report, settings);
  it('has a cookie declaration table per category and an unclassified list', () => {
    expect(sections.categories.map((c) => c.id)).toEqual(['essential', 'analytics', 'advertising', 'unclassified']);
    const analytics = sections.categories.find((c) => c.id == 'analytics')!;
    expect(analytics.cookies.columns.slice(0, 5)).toEqual(['Name', 'Provider', 'Purpose', 'Duration', 'Party']);
    expect(analytics.cookies.rows.map((row) => [row[0], row[1], row[3], row[4], row[8]])).toEqual([
      ['_ga', 'Google Analytics', '2 years', 'first-party', '/, /pricing'],
      ['_ga_ABC123 (_ga_*)', 'Google Analytics', '2 years', 'first-party', '/'],
    ]);
    const unclassified = sections.categories.find((c) => c.id == 'unclassified')!;
    expect(unclassified.cookies.rows.map((row) => row[0])).toEqual(['mystery']);
    expect(unclassified.requests.rows.map((row) => row[0])).toEqual(['fonts.unknown.example']);
  });
  it('lists what was there before any choice, essential excepted', () => {
    expect(sections.beforeConsent.rows).toEqual([['cookie', '_ga', 'analytics', 'Google Analytics', '/pricing']]);
  });
  it('Markdown: names as code, free text escaped so nothing becomes markup', () => {
    const markdown = renderMarkdown(sections);
    expect(markdown).toContain('| `_ga` | Google Analytics |');
    expect(markdown).toContain('`ns_visitor\\|<b>`');
    expect(escapeMarkdown('a|b <img src=x> [x](y) *z* _w_\nnext')).toBe('a\\|b &lt;img src=x&gt; \\[x\\](y) \\*z\\* \\_w\\_ next');
    expect(markdown).toMatch(/## Unclassified: decide/);
  });
  it('HTML: one self-contained page, every value escaped, no script', () => {
    const html = renderHtml(sections);
    expect(html).toContain('<code>ns_visitor|&lt;b&gt;</code>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("default-src 'none'");
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
  });
});
