import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlCategory } from '../../src/core/classify/url-category';
import type { Settings } from '../../src/core/config/types';
import { validateConfig } from '../../src/core/config/validate';
import { createClassifier } from '../../src/node/cli/classify/classifier';
import { builtInTables } from '../../src/node/cli/classify/tables';
import { aggregate } from '../../src/node/cli/report/aggregate';
import type { ScanReport } from '../../src/node/cli/report/scan-report';
import { runCli } from './scanner/run-cli';
import { startProxyWithoutConsentry } from './scanner/without-consentry';

// The demo site (issue 6) with the built SDK: `npm test` builds dist/ first.
const DEMO_MODULE = process.env.SCANNER_DEMO_MODULE || '../../demo/server.mjs';

interface Demo {
  url: string;
  trackers: { analytics: string; ads: string; embed: string };
  hits(): Array<{ tracker: 'analytics' | 'ads' | 'embed'; kind: string; path: string }>;
  close(): Promise<void>;
}

let demo: Demo;
let dir: string;
let settings: Settings;
let report: ScanReport;
let scanCode: number;

beforeAll(async () => {
  const { startDemo } = await import(DEMO_MODULE);
  dir = mkdtempSync(join(tmpdir(), 'consentry-scan-demo-'));
  demo = await startDemo({ port: 0, quiet: true, dataDir: join(dir, 'receipts') });
  // The demo's own config, with its third parties' real origins filled in: the site owner's word on what each is.
  settings = validateConfig(await (await fetch(demo.url + '/consent.json')).text());
  const run = await runCli(['scan', demo.url + '/', '--max-pages', '12', '--depth', '2', '--out', join(dir, 'out'), '--quiet']);
  scanCode = run.code;
  if (run.code) throw new Error(run.stderr);
  report = JSON.parse(readFileSync(join(dir, 'out/scan.json'), 'utf8'));
}, 240_000);

afterAll(async () => {
  await demo?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The cookie names the demo's third parties write (demo/server and demo/trackers), by declared service. */
const THIRD_PARTY_COOKIES: Record<string, RegExp> = {
  _ga: /^_ga$/,
  _ga_: /^_ga_[A-Z0-9]+$/,
  Hm_lvt_: /^Hm_lvt_[0-9a-f]+$/,
  Hm_lpvt_: /^Hm_lpvt_[0-9a-f]+$/,
  _fbp: /^_fbp$/,
  _gcl_au: /^_gcl_au$/,
  IDE: /^IDE$/,
  YSC: /^YSC$/,
  VISITOR_INFO1_LIVE: /^VISITOR_INFO1_LIVE$/,
  NID: /^NID$/,
};

describe('consentry scan on the demo site', () => {
  it('runs with consentry found and the banner clicked on every page', () => {
    expect(scanCode).toBe(0);
    expect(report.consentry).toBe(true);
    const scanned = report.pages.filter((page) => !page.error);
    expect(scanned.length).toBeGreaterThanOrEqual(8);
    // Listed rather than counted, so that a failure names the page and what happened there.
    const notClicked = scanned.filter((page) => !(page.consentry && page.consentBy == 'click'));
    expect(notClicked.map(({ url, consentry, consentBy, error }) => ({ url, consentry, consentBy, error }))).toEqual([]);
    expect(report.pages.map((page) => new URL(page.url).pathname)).toContain('/blog/edge-caching-explained');
  });

  it('finds every request the demo third parties received: 0 missed', () => {
    const origins = demo.trackers;
    const recorded = new Set(report.requests.flatMap((request) => request.urls));
    const hits = demo.hits();
    expect(new Set(hits.map((hit) => hit.tracker))).toEqual(new Set(['analytics', 'ads', 'embed']));
    const missed = hits.map((hit) => origins[hit.tracker] + hit.path).filter((url) => !recorded.has(url));
    expect(missed).toEqual([]);
  });

  it('puts each request in the category the site declares: 0 misclassified', () => {
    const wrong = report.requests.flatMap((request) =>
      request.urls
        .map((url) => ({ url, expected: urlCategory(url, settings, demo.url + '/')?.category, got: request.classification.category }))
        .filter(({ expected, got }) => expected != got),
    );
    expect(wrong).toEqual([]);
    const byOrigin = (origin: string) => new Set(report.requests.filter((r) => r.origin == origin).map((r) => r.classification.category));
    expect(byOrigin(demo.trackers.analytics)).toEqual(new Set(['analytics']));
    expect(byOrigin(demo.trackers.ads)).toEqual(new Set(['advertising']));
    expect(byOrigin(demo.trackers.embed)).toEqual(new Set(['advertising']));
    const embedServices = report.requests
      .filter((r) => r.origin == demo.trackers.embed)
      .map((r) => r.classification.service)
      .sort();
    expect(embedServices).toEqual(['atlas-maps', 'streamly-video']);
  });

  it('finds every cookie the third parties set, each in its declared category, and none before consent', () => {
    for (const [declared, pattern] of Object.entries(THIRD_PARTY_COOKIES)) {
      const found = report.cookies.filter((cookie) => pattern.test(cookie.name));
      expect(found.length, declared).toBeGreaterThan(0);
      const service = settings.services.find((s) => s.cookies.some((c) => c.name == declared))!;
      for (const cookie of found) {
        expect(cookie.classification.category, cookie.name).toBe(service.category);
        expect(cookie.classification.service, cookie.name).toBe(service.id);
        expect(cookie.phases, cookie.name).toEqual(['after-accept']);
      }
    }
    const nonEssential = report.cookies.filter((cookie) => cookie.classification.category != 'essential');
    expect(nonEssential.filter((cookie) => !Object.values(THIRD_PARTY_COOKIES).some((p) => p.test(cookie.name)))).toEqual([]);
    const essential = Object.fromEntries(
      report.cookies.filter((c) => c.classification.category == 'essential').map((c) => [c.name, c.classification.source]),
    );
    expect(essential).toMatchObject({ sid: 'config', csrftoken: 'config', consentry: 'sdk' });
    expect(report.cookies.find((c) => c.name == 'IDE')).toMatchObject({ party: 'third' });
    expect(
      report.storage.filter((s) => s.classification.category != 'essential').every((s) => s.phases.every((p) => p == 'after-accept')),
    ).toBe(true);
  });

  it("the SDK's own tables, without the site's config, never contradict it and never call a tracker essential", () => {
    const tablesOnly = aggregate(
      report.visits,
      createClassifier({ tables: builtInTables, settings: null, siteOrigin: report.origin }),
      report.origin,
    );
    for (const cookie of tablesOnly.cookies.filter((c) => Object.values(THIRD_PARTY_COOKIES).some((p) => p.test(c.name)))) {
      const declared = report.cookies.find((c) => c.name == cookie.name)!.classification.category;
      expect([declared, 'unclassified'], cookie.name).toContain(cookie.classification.category);
    }
    const known = tablesOnly.cookies.filter((c) => c.classification.source == 'table').map((c) => c.name);
    expect(known).toEqual(expect.arrayContaining(['_ga', '_fbp', '_gcl_au', 'IDE', 'VISITOR_INFO1_LIVE']));
  });

  it('drafts a config that the SDK accepts, with every third-party cookie declared', () => {
    const draft = JSON.parse(readFileSync(join(dir, 'out/consentry.config.json'), 'utf8'));
    const valid = validateConfig(draft);
    const names = valid.services.flatMap((s) => s.cookies.map((c) => c.name));
    for (const declared of Object.keys(THIRD_PARTY_COOKIES)) expect(names).toContain(declared);
    const markdown = readFileSync(join(dir, 'out/report.md'), 'utf8');
    expect(markdown).toMatch(/## Advertising[\s\S]*\| `NID` \| Atlas Geo Ltd\. \|/);
  });
});

describe('consentry check on the demo site', () => {
  it('passes: nothing before consent, nothing after "reject all"', async () => {
    const run = await runCli(['check', demo.url + '/', '--max-pages', '4', '--quiet']);
    expect(run.stdout).toMatch(/PASS: nothing non-essential before consent or after "reject all" on 4 pages/);
    expect(run.code).toBe(0);
  }, 120_000);

  it('fails on the same site without consentry, naming each leak', async () => {
    const proxy = await startProxyWithoutConsentry(demo.url);
    try {
      const run = await runCli(['check', proxy.url + '/', '--max-pages', '1', '--quiet']);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('✗ /  (consentry not found on this page)');
      expect(run.stdout).toMatch(/before any choice:\n/);
      for (const cookie of ['_ga', '_fbp', '_gcl_au', 'IDE'])
        expect(run.stdout).toMatch(new RegExp(`cookie ${cookie} \\(127\\.0\\.0\\.1\\) \\[(analytics|advertising)`));
      expect(run.stdout).toContain(`request ${demo.trackers.analytics}/ns.js?id=NS4D3M0`);
      expect(run.stdout).toContain(`request ${demo.trackers.ads}/ads.js?id=AP-20931`);
      expect(run.stdout.trim().split('\n').pop()).toMatch(/^FAIL: \d+ leaks on 1 of 1 page$/);
    } finally {
      await proxy.close();
    }
  }, 120_000);
});
