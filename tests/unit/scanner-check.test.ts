import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { parseCli } from '../../src/node/cli/args';
import { renderCheck, type CheckReport } from '../../src/node/cli/check/check-report';
import { findLeaks } from '../../src/node/cli/check/find-leaks';
import { createClassifier } from '../../src/node/cli/classify/classifier';
import { builtInTables } from '../../src/node/cli/classify/tables';
import { InputError } from '../../src/node/cli/errors';
import type { PageVisit, Snapshot } from '../../src/node/cli/types';

const SITE = 'http://127.0.0.1:4000';
const settings = validateConfig({
  services: [
    { id: 'site', category: 'essential', cookies: [{ name: 'sid' }] },
    { id: 'fonts', category: 'essential', provider: 'FontCo', hosts: ['fonts.example'] },
  ],
});
const classifier = createClassifier({ tables: builtInTables, settings, siteOrigin: SITE });

function visit(snapshots: Array<Partial<Snapshot> & { phase: Snapshot['phase'] }>): PageVisit {
  return {
    url: SITE + '/',
    depth: 0,
    status: 200,
    error: null,
    timedOut: false,
    consentry: true,
    consentBy: 'click',
    links: [],
    snapshots: snapshots.map((snapshot) => ({ url: SITE + '/', cookies: [], storage: [], requests: [], ...snapshot })),
  };
}
const cookie = (name: string, setBy: PageVisit['snapshots'][0]['cookies'][0]['setBy'] = { kind: 'unknown' }) => ({
  name,
  domain: '127.0.0.1',
  path: '/',
  expires: null,
  httpOnly: false,
  secure: false,
  sameSite: 'Lax',
  setBy,
});
const request = (url: string, initiators: string[] = []) => ({
  url,
  host: new URL(url).host,
  resourceType: 'script',
  method: 'GET',
  frame: SITE + '/',
  initiators,
  redirectedFrom: [],
});

describe('findLeaks', () => {
  it('essential and declared things are not leaks', () => {
    const clean = visit([
      {
        phase: 'before-consent',
        cookies: [cookie('sid'), cookie('consentry')],
        storage: [{ type: 'local', origin: SITE, key: 'consentry:receipts', setBy: { kind: 'unknown' } }],
        requests: [request('https://fonts.example/a.woff2')],
      },
      { phase: 'after-reject', cookies: [cookie('sid'), cookie('consentry')] },
    ]);
    expect(findLeaks(clean, classifier, { siteOrigin: SITE })).toEqual([]);
  });
  it('names each non-essential cookie, key and request with its phase, category and cause', () => {
    const leaky = visit([
      { phase: 'before-consent', cookies: [cookie('_ga', { kind: 'script', url: 'http://127.0.0.1:4001/ns.js', inline: false })] },
      { phase: 'after-reject', requests: [request('https://hm.baidu.com/hm.js?x', [SITE + '/'])] },
      {
        phase: 'next-page-after-reject',
        url: SITE + '/next',
        storage: [{ type: 'local', origin: SITE, key: '_ga_state', setBy: { kind: 'unknown' } }],
      },
    ]);
    expect(findLeaks(leaky, classifier, { siteOrigin: SITE })).toEqual([
      {
        page: SITE + '/',
        phase: 'before-consent',
        kind: 'cookie',
        name: '_ga',
        where: '127.0.0.1',
        category: 'analytics',
        provider: 'Google Analytics',
        from: 'script http://127.0.0.1:4001/ns.js',
      },
      {
        page: SITE + '/',
        phase: 'after-reject',
        kind: 'request',
        name: 'https://hm.baidu.com/hm.js?x',
        where: 'hm.baidu.com',
        category: 'analytics',
        provider: 'Baidu Tongji (百度统计)',
        from: 'script, initiated by ' + SITE + '/',
      },
      {
        page: SITE + '/next',
        phase: 'next-page-after-reject',
        kind: 'storage',
        name: '_ga_state',
        where: 'localStorage of ' + SITE,
        category: 'analytics',
        provider: 'Google Analytics',
        from: 'unknown',
      },
    ]);
  });
  it('a cookie still there after "reject all" is reported once, marked as kept', () => {
    const ga = cookie('_ga', { kind: 'script', url: 'http://127.0.0.1:4001/ns.js', inline: false });
    const kept = visit([
      { phase: 'before-consent', cookies: [ga] },
      { phase: 'after-reject', cookies: [ga, cookie('_fbp')] },
      { phase: 'next-page-after-reject', cookies: [ga] },
    ]);
    const leaks = findLeaks(kept, classifier, { siteOrigin: SITE });
    expect(leaks.map((leak) => [leak.phase, leak.name, !!leak.keptAfterReject])).toEqual([
      ['before-consent', '_ga', true],
      ['after-reject', '_fbp', false],
    ]);
  });
  it('unclassified third-party requests and cookies fail unless allowed; first-party requests never', () => {
    const unknown = visit([
      {
        phase: 'before-consent',
        cookies: [cookie('mystery')],
        requests: [request('https://cdn.unknown.example/x.js'), request(SITE.replace('4000', '4005') + '/y.js')],
      },
    ]);
    expect(findLeaks(unknown, classifier, { siteOrigin: SITE }).map((leak) => [leak.kind, leak.category])).toEqual([
      ['cookie', 'unclassified'],
      ['request', 'unclassified'],
      ['request', 'unclassified'],
    ]);
    expect(findLeaks(unknown, classifier, { siteOrigin: SITE, allowUnclassified: true })).toEqual([]);
    const onDomain = createClassifier({ tables: builtInTables, settings: null, siteOrigin: 'https://www.shop.example' });
    const subdomain = {
      ...unknown,
      snapshots: [{ ...unknown.snapshots[0], cookies: [], requests: [request('https://cdn.shop.example/app.js')] }],
    };
    expect(findLeaks(subdomain, onDomain, { siteOrigin: 'https://www.shop.example' })).toEqual([]);
  });
});

describe('renderCheck', () => {
  const base: CheckReport = {
    tool: { name: 'consentry', version: '0' },
    startUrl: SITE + '/',
    origin: SITE,
    checkedAt: '',
    durationMs: 1,
    passed: true,
    pages: [],
  };
  it('says PASS with the page count when clean', () => {
    const text = renderCheck({
      ...base,
      pages: [{ url: SITE + '/', consentry: true, consentBy: 'click', error: null, timedOut: false, leaks: [] }],
    });
    expect(text).toContain('✓ /  (rejected through the banner)');
    expect(text.trim().split('\n').pop()).toBe('PASS: nothing non-essential before consent or after "reject all" on 1 page');
  });
  it('lists leaks by phase with what, where, category and cause, then FAIL', () => {
    const text = renderCheck({
      ...base,
      passed: false,
      pages: [
        {
          url: SITE + '/leaky',
          consentry: false,
          consentBy: 'none',
          error: null,
          timedOut: false,
          leaks: [
            {
              page: SITE + '/leaky',
              phase: 'before-consent',
              kind: 'cookie',
              name: '_ga',
              where: '127.0.0.1',
              category: 'analytics',
              provider: 'Google Analytics',
              from: 'script http://127.0.0.1:4001/ns.js',
            },
            {
              page: SITE + '/about',
              phase: 'next-page-after-reject',
              kind: 'request',
              name: 'http://127.0.0.1:4002/px.gif',
              where: '127.0.0.1:4002',
              category: 'unclassified',
              provider: '',
              from: 'image',
            },
          ],
        },
      ],
    });
    expect(text).toContain('✗ /leaky  (consentry not found on this page)');
    expect(text).toContain(
      '    before any choice:\n      cookie _ga (127.0.0.1) [analytics, Google Analytics] — script http://127.0.0.1:4001/ns.js',
    );
    expect(text).toContain(
      '    after "reject all", next page on /about:\n      request http://127.0.0.1:4002/px.gif [unclassified] — image',
    );
    expect(text.trim().split('\n').pop()).toBe('FAIL: 2 leaks on 1 of 1 page');
  });
});

describe('parseCli', () => {
  it('reads commands, defaults and repeatable patterns', () => {
    const scan = parseCli([
      'scan',
      'https://example.com/',
      '--include',
      '/a/*',
      '--include',
      '/b/**',
      '--page-timeout',
      '20s',
      '--out',
      'o',
    ]);
    expect(scan).toMatchObject({
      command: 'scan',
      url: 'https://example.com/',
      maxPages: 20,
      depth: 3,
      include: ['/a/*', '/b/**'],
      pageTimeout: 20000,
      out: 'o',
      concurrency: 4,
    });
    expect(parseCli(['check', 'x.example', '--max-pages', '3', '--allow-unclassified'])).toMatchObject({
      command: 'check',
      maxPages: 3,
      depth: 2,
      allowUnclassified: true,
      noReload: false,
    });
    expect(parseCli(['scan', 'x.example', '--no-reload']).noReload).toBe(true);
    expect(parseCli([]).command).toBe('help');
    expect(parseCli(['--version']).command).toBe('version');
  });
  it('refuses bad input with a readable InputError', () => {
    expect(() => parseCli(['crawl', 'x'])).toThrow(/unknown command "crawl"/);
    expect(() => parseCli(['scan'])).toThrow(/needs the URL/);
    expect(() => parseCli(['scan', 'a', 'b'])).toThrow(/one URL at a time/);
    expect(() => parseCli(['scan', 'a', '--max-pages', 'many'])).toThrow(/--max-pages must be a whole number/);
    expect(() => parseCli(['scan', 'a', '--max-pages', '0'])).toThrow(InputError);
    expect(() => parseCli(['scan', 'a', '--bogus'])).toThrow(/Unknown option '--bogus'/);
    expect(() => parseCli(['scan', 'a', '--exclude', 're:(['])).toThrow(/not a valid regular expression/);
  });
});
