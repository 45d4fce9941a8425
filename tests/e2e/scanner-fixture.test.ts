import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import type { ScanReport } from '../../src/node/cli/report/scan-report';
import { startFixtureSite, type FixtureSite } from './scanner/fixture-site';
import { runBin, runCli, type CliRun } from './scanner/run-cli';

let site: FixtureSite;
let dir: string;
let scan: CliRun;
let report: ScanReport;

beforeAll(async () => {
  site = await startFixtureSite();
  dir = mkdtempSync(join(tmpdir(), 'consentry-scan-'));
  writeFileSync(join(dir, 'site-config.json'), JSON.stringify(site.config));
  scan = await runCli([
    'scan',
    site.url + '/',
    '--out',
    join(dir, 'out'),
    '--config',
    join(dir, 'site-config.json'),
    '--page-timeout',
    '3000',
    '--quiet',
  ]);
  report = JSON.parse(readFileSync(join(dir, 'out/scan.json'), 'utf8'));
}, 120_000);

afterAll(async () => {
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const category = (findings: Array<{ classification: { category: string } }>, pick: (f: any) => string) =>
  Object.fromEntries(findings.map((finding) => [pick(finding), finding.classification.category]));

describe('consentry scan (fixture site)', () => {
  it('crawls the start origin only: every page once, no link off the site, no download', () => {
    expect(scan.code).toBe(0);
    const paths = report.pages.map((page) => new URL(page.url).pathname);
    expect(paths.sort()).toEqual(['/', '/about', '/away', '/shop', '/slow']);
    const hits = site.hits();
    expect(hits.filter((hit) => hit.server == 'ads' && hit.path.startsWith('/landing'))).toEqual([]);
    expect(hits.filter((hit) => hit.path.includes('manual.pdf'))).toEqual([]);
    expect(report.requests.every((request) => request.origin == site.analytics || request.origin == site.ads)).toBe(true);
  });

  it('reports a redirect off the site and a hanging page, and goes on', () => {
    const byPath = Object.fromEntries(report.pages.map((page) => [new URL(page.url).pathname, page]));
    expect(byPath['/away'].error).toMatch(/redirects to another site/);
    expect(byPath['/slow']).toMatchObject({ timedOut: true });
    expect(byPath['/slow'].error).toMatch(/page timeout \(3000 ms\)/);
    // What the hanging page did before it was cut off is still recorded.
    expect(report.visits.find((visit) => visit.url.endsWith('/slow'))!.snapshots[0].requests.length).toBeGreaterThan(0);
    expect(byPath['/shop'].error).toBeNull();
  });

  it('finds every request the third parties received, each in its category', () => {
    const recorded = new Set(report.requests.flatMap((request) => request.urls));
    const trackerHits = site.hits().filter((hit) => hit.server != 'site');
    expect(trackerHits.length).toBeGreaterThan(10);
    const missed = trackerHits.filter((hit) => !recorded.has((hit.server == 'ads' ? site.ads : site.analytics) + hit.path));
    expect(missed).toEqual([]);
    expect(category(report.requests, (r) => r.origin)).toEqual({ [site.analytics]: 'analytics', [site.ads]: 'advertising' });
    const ads = report.requests.find((request) => request.origin == site.ads)!;
    expect(ads.resourceTypes.sort()).toEqual(['document', 'image', 'script']);
    const analytics = report.requests.find((request) => request.origin == site.analytics)!;
    expect(analytics.resourceTypes.sort()).toEqual(['ping', 'script']);
    // The beacon was sent by the analytics script, which the page loaded.
    expect(analytics.initiators).toContainEqual([site.analytics + '/a.js?id=NS1', site.url + '/']);
  });

  it('finds every cookie and storage key, sorted right, with what set them', () => {
    expect(category(report.cookies, (c) => c.name)).toEqual({
      _ga: 'analytics',
      _fbp: 'advertising',
      IDE: 'advertising',
      ad_frame: 'advertising',
      ap_cs: 'advertising',
      sid: 'essential',
    });
    const cookies = Object.fromEntries(report.cookies.map((cookie) => [cookie.name, cookie]));
    // Asked for 2 years; Chromium keeps a cookie 400 days at most, and the report says what the browser keeps.
    expect(cookies._ga).toMatchObject({ party: 'first', duration: '13 months', httpOnly: false });
    expect(cookies._ga.setBy).toEqual([{ kind: 'script', url: site.analytics + '/a.js?id=NS1', inline: false }]);
    expect(cookies.IDE).toMatchObject({ party: 'third', httpOnly: true, sameSite: 'Lax', duration: '13 months' });
    expect(cookies.IDE.setBy.every((setter) => setter.kind == 'header' && setter.url.startsWith(site.ads + '/'))).toBe(true);
    expect(cookies.sid).toMatchObject({ party: 'first', duration: 'session', httpOnly: true });
    // Written through the Cookie Store API, by the ad script.
    expect(cookies.ap_cs.setBy).toEqual([{ kind: 'script', url: site.ads + '/ads.js?id=AP1', inline: false }]);
    expect(cookies.sid.setBy[0]).toMatchObject({ kind: 'header' });
    expect(cookies._ga.pagesBeforeConsent.length).toBe(4);
    expect(category(report.storage, (s) => s.type + ' ' + s.key)).toEqual({
      'local ns_visitor': 'analytics',
      'indexeddb ns_events': 'analytics',
      'session ap_session': 'advertising',
      'local ad_slot': 'advertising',
    });
    const events = report.storage.find((s) => s.key == 'ns_events')!;
    expect(events.setBy).toEqual([{ kind: 'script', url: site.analytics + '/a.js?id=NS1', inline: false }]);
    expect(report.storage.find((s) => s.key == 'ad_slot')).toMatchObject({ origin: site.ads, party: 'third' });
  });

  it('writes the reports and a draft config that the SDK accepts', () => {
    const draft = JSON.parse(readFileSync(join(dir, 'out/consentry.config.json'), 'utf8'));
    expect(() => validateConfig(draft)).not.toThrow();
    const services = Object.fromEntries(draft.services.map((s: any) => [s.id, s]));
    expect(services.northstar.cookies.map((c: any) => c.name)).toEqual(['_ga']);
    expect(services.adco.cookies.map((c: any) => c.name).sort()).toEqual(['IDE', '_fbp', 'ad_frame', 'ap_cs']);
    expect(draft.blocking.rules).toEqual(
      expect.arrayContaining([
        { match: site.analytics + '/', service: 'northstar' },
        { match: site.ads + '/', service: 'adco' },
      ]),
    );
    const markdown = readFileSync(join(dir, 'out/report.md'), 'utf8');
    expect(markdown).toMatch(/## Analytics[\s\S]*\| `_ga` \| Northstar Analytics \|/);
    expect(markdown).toMatch(/## Seen before any choice/);
    const html = readFileSync(join(dir, 'out/report.html'), 'utf8');
    expect(html).toContain('<code>IDE</code>');
  });

  it('without a config (and without the consented reload), sorts by the SDK tables and leaves the rest unclassified', async () => {
    const run = await runCli(['scan', site.url + '/', '--depth', '0', '--json', '--no-reload']);
    expect(run.code).toBe(0);
    const bare: ScanReport = JSON.parse(run.stdout);
    expect(category(bare.cookies, (c) => c.name)).toEqual({
      _ga: 'analytics',
      _fbp: 'advertising',
      IDE: 'advertising',
      ad_frame: 'unclassified',
      ap_cs: 'unclassified',
      sid: 'unclassified',
    });
    expect(bare.requests.map((r) => r.classification.category)).toEqual(['unclassified', 'unclassified']);
  }, 120_000);
});

describe('consentry check (fixture site)', () => {
  it('passes (exit 0) on pages whose consent tool holds everything back', async () => {
    const run = await runBin(['check', site.url + '/safe/', '--max-pages', '2']);
    expect(run.stderr).not.toMatch(/unexpected/);
    expect(run.stdout).toContain('✓ /safe/  (rejected through the banner)');
    expect(run.stdout).toContain('PASS: nothing non-essential before consent or after "reject all" on 2 pages');
    expect(run.code).toBe(0);
  }, 120_000);

  it('fails (exit 1) on the variant without a consent tool, naming each leak and where it came from', async () => {
    const run = await runCli(['check', site.url + '/', '--max-pages', '1', '--config', join(dir, 'site-config.json')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ /  (consentry not found on this page)');
    expect(run.stdout).toContain(
      `cookie _ga (127.0.0.1) [analytics, Northstar Analytics] — script ${site.analytics}/a.js?id=NS1; still there after "reject all"`,
    );
    expect(run.stdout).toMatch(new RegExp(`cookie IDE \\(127.0.0.1\\) \\[advertising, AdCo\\] — Set-Cookie from ${site.ads}/`));
    expect(run.stdout).toContain(`request ${site.ads}/ads.js?id=AP1 [advertising, AdCo] — script, initiated by ${site.url}/`);
    expect(run.stdout).toContain('after "reject all", next page on /about:');
    expect(run.stdout).not.toMatch(/cookie sid /);
    expect(run.stdout.trim().split('\n').pop()).toMatch(/^FAIL: \d+ leaks on 1 of 1 page$/);
  }, 120_000);

  it('fails when "reject all" still lets a tag run, on the same and the next page', async () => {
    const run = await runCli(['check', site.url + '/safe/buggy', '--max-pages', '1', '--json']);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    const leaks = result.pages[0].leaks as Array<{ phase: string; kind: string; name: string }>;
    expect(leaks.filter((leak) => leak.phase == 'before-consent')).toEqual([]);
    expect(leaks.filter((leak) => leak.phase == 'after-reject').map((leak) => leak.kind + ' ' + leak.name)).toEqual(
      expect.arrayContaining(['cookie _ga', 'storage ns_visitor', `request ${site.analytics}/a.js?id=NS1`]),
    );
    expect(leaks.some((leak) => leak.phase == 'next-page-after-reject' || leak.phase == 'after-reject')).toBe(true);
    expect(result.pages[0].consentBy).toBe('click');
  }, 120_000);
});

describe('bad input: exit 2 with one readable line', () => {
  it('an unreachable host', async () => {
    const run = await runBin(['scan', `http://127.0.0.1:${await closedPort()}/`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^consentry: cannot connect to 127\.0\.0\.1:\d+: connection refused \(is the site running\?\)\n$/);
  }, 120_000);
  it('a non-HTML answer', async () => {
    const run = await runBin(['check', site.url + '/data.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `consentry: ${site.url}/data.json is not an HTML page (content-type: application/json); give the URL of a web page\n`,
    );
  }, 120_000);
  it('a TLS error', async () => {
    const run = await runBin(['scan', site.url.replace('http:', 'https:') + '/']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^consentry: TLS error talking to 127\.0\.0\.1:\d+/);
  }, 120_000);
  it('a redirect to another site', async () => {
    const run = await runCli(['scan', site.url + '/away']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`consentry: ${site.url}/away redirects to another site (${site.ads}); scan that site's URL instead\n`);
    expect(site.hits().filter((hit) => hit.server == 'ads' && hit.path.startsWith('/landing'))).toEqual([]);
  }, 120_000);
  it('a start page that never answers', async () => {
    const run = await runCli(['scan', site.url + '/hang', '--page-timeout', '500']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`consentry: ${site.url}/hang did not answer within 0.5 s\n`);
  }, 120_000);
  it('no browser, and bad options', async () => {
    const run = await runCli(['scan', site.url + '/', '--chromium', '/nonexistent/chrome']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'consentry: scan needs Chromium: Chromium was not found at /nonexistent/chrome (--chromium): sudo apt-get install -y chromium ' +
        '(macOS: brew install --cask chromium), or give its path with --chromium or CHROMIUM_PATH\n',
    );
    const broken = await runCli(['scan', site.url + '/', '--chromium', '/bin/true']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^consentry: could not start Chromium at \/bin\/true: /);
    const bad = await runCli(['scan', site.url + '/', '--max-pages', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('consentry: --max-pages must be a whole number from 1 to 10000, not "lots"\n');
    const config = await runCli(['scan', site.url + '/', '--config', join(dir, 'missing.json')]);
    expect(config.stderr).toMatch(/--config .*missing.json: cannot read it \(ENOENT\)/);
  }, 120_000);
});
