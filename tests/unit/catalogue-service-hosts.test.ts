import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCompiled } from '../../src/core/config/compiled';
import type { ConsentryConfig } from '../../src/core/config/types';
import { validateConfig } from '../../src/core/config/validate';
import { urlCategory } from '../../src/core/classify/url-category';
import { encodeRecord } from '../../src/core/policy/record';
import type { ConsentRecord } from '../../src/core/policy/types';
import { addedCatalogueHosts, catalogueHostsOf, withCatalogueHosts } from '../../src/node/classify/catalogue-service-hosts';
import { runBuildConfig } from '../../src/node/cli/build-config-command';
import { runValidate } from '../../src/node/cli/validate-command';
import { classifyUrl } from '../../src/node/rewrite/classify-url';
import { classifyUrlFull } from '../../src/node/rewrite/classify-url-full';
import { createRewriter } from '../../src/node/rewrite/create-rewriter';
import { migrateConfig } from '../../src/node/migrate/migrate-config';
import { GOOGLE_TRANSFER } from './fixtures/transfer-consent';

// Issue 19 §1: a service that needs a separate consent runs only when its category and the consent are
// granted, and the catalogue's hosts of that vendor are held the same way as the hosts it declares.

const quiet = () => {};
const CONFIG: ConsentryConfig = {
  separateConsents: [GOOGLE_TRANSFER],
  services: [
    { id: 'google-analytics', category: 'analytics', separateConsents: ['cross-border'] },
    { id: 'meta-pixel', category: 'advertising', separateConsents: ['cross-border'] },
    { id: 'northstar', category: 'analytics', hosts: ['cdn.northstar.example'] },
  ],
  regions: { rules: [{ regions: ['CN'], regime: 'opt-in' }] },
};
const settings = validateConfig(JSON.parse(JSON.stringify(CONFIG)), quiet);

const GA = 'https://www.google-analytics.com/analytics.js';
const GA_HOSTS = ['google-analytics.com', 'analytics.google.com'];
const PIXEL = 'https://www.facebook.com/tr?id=1&ev=PageView';
const PAGE = 'https://shop.example/';

const record = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: 'visitor-0001',
  // The rewriter decides at the real time: a record made a second ago, valid for a day.
  time: Date.now() - 1000,
  revision: 0,
  categories: { analytics: true, advertising: true },
  services: {},
  method: 'custom',
  expires: Date.now() + 864e5,
  region: 'CN',
  ...overrides,
});
const cookie = (r: ConsentRecord) => 'consentry=' + encodeURIComponent(encodeRecord(r));

describe('the catalogue hosts of a service that is a catalogue vendor', () => {
  it('are the vendor catalogue entry of its id, without the ones a broader host of it covers', () => {
    expect(catalogueHostsOf('google-analytics')).toEqual([
      'google-analytics.com',
      'analytics.google.com',
      'ssl.google-analytics.com',
      'region1.google-analytics.com',
    ]);
    expect(catalogueHostsOf('constructor')).toEqual([]);
    expect(addedCatalogueHosts(settings.services, 0)).toEqual(GA_HOSTS);
    expect(addedCatalogueHosts(settings.services, 1)).toEqual(['connect.facebook.net']);
    expect(addedCatalogueHosts(settings.services, 2)).toEqual([]);
  });

  it('come after the declared ones and leave to another service what it declares', () => {
    const declared = validateConfig(
      {
        services: [
          { id: 'google-analytics', category: 'analytics', hosts: ['ssl.google-analytics.com', 'gtm.shop.example'] },
          { id: 'analytics-proxy', category: 'essential', hosts: ['analytics.google.com'] },
          { id: 'google-ads', category: 'advertising' },
          { id: 'dc-floodlight', category: 'analytics', hosts: ['fls.doubleclick.net'] },
        ],
      },
      quiet,
    );
    const hosts = withCatalogueHosts(declared).services.map((service) => service.hosts);
    // analytics.google.com is the proxy's; the declared hosts stay first.
    expect(hosts[0]).toEqual(['ssl.google-analytics.com', 'gtm.shop.example', 'google-analytics.com']);
    expect(hosts[1]).toEqual(['analytics.google.com']);
    // doubleclick.net would reach fls.doubleclick.net before the later service's turn: left out.
    expect(hosts[2]).not.toContain('doubleclick.net');
    expect(hosts[2]).toContain('googleadservices.com');
    expect(urlCategory('https://fls.doubleclick.net/activity', withCatalogueHosts(declared), PAGE)).toEqual({
      category: 'analytics',
      service: 'dc-floodlight',
    });
  });

  it('leave settings without a catalogue vendor as they are', () => {
    const plain = validateConfig({ services: [{ id: 'northstar', category: 'analytics', hosts: ['cdn.northstar.example'] }] }, quiet);
    expect(withCatalogueHosts(plain)).toBe(plain);
  });
});

describe('the HTML rewriter', () => {
  it.each([
    ['classifyUrl', classifyUrl],
    ['classifyUrlFull', classifyUrlFull],
  ])('%s files a catalogue host or URL pattern under the service the config declares for its vendor', (_, classify) => {
    expect(classify(GA, settings, PAGE)).toEqual({ category: 'analytics', service: 'google-analytics' });
    expect(classify('https://region1.google-analytics.com/g/collect', settings, PAGE)).toEqual({
      category: 'analytics',
      service: 'google-analytics',
    });
    expect(classify(PIXEL, settings, PAGE)).toEqual({ category: 'advertising', service: 'meta-pixel' });
    expect(classify('https://connect.facebook.net/en_US/fbevents.js', settings, PAGE)).toEqual({
      category: 'advertising',
      service: 'meta-pixel',
    });
    // A vendor the config does not declare keeps its category alone.
    expect(classify('https://static.hotjar.com/c/hotjar-1.js', settings, PAGE)).toEqual({ category: 'analytics' });
  });

  it("keeps the site's rules and declared hosts first", () => {
    const ruled = validateConfig(
      {
        ...CONFIG,
        blocking: {
          rules: [
            { match: 'www.google-analytics.com', category: 'analytics' },
            { match: 'www.facebook.com/tr', service: 'northstar' },
          ],
        },
      },
      quiet,
    );
    expect(classifyUrl(GA, ruled, PAGE)).toEqual({ category: 'analytics' });
    expect(classifyUrl(PIXEL, ruled, PAGE)).toEqual({ category: 'analytics', service: 'northstar' });
    expect(classifyUrl('https://ssl.google-analytics.com/ga.js', ruled, PAGE)).toEqual({
      category: 'analytics',
      service: 'google-analytics',
    });
    const off = validateConfig({ ...CONFIG, blocking: { autoBlock: false } }, quiet);
    expect(classifyUrl(GA, off, PAGE)).toBeNull();
  });

  it('holds the tag for the service while the category is granted and the transfer is not, and lets it run once it is', () => {
    const rewriter = createRewriter({ settings });
    const page = `<script async src="${GA}"></script><img src="${PIXEL}" alt="">`;
    const refused = rewriter.rewrite(page, { url: PAGE, region: 'CN', cookie: cookie(record()) });
    expect(refused).toBe(
      `<script async="" data-src="${GA}" type="text/plain" data-consent="analytics" data-service="google-analytics"></script>` +
        `<img data-src="${PIXEL.replace(/&/g, '&amp;')}" alt="" data-consent="advertising" data-service="meta-pixel">`,
    );
    const granted = record({ consents: { 'cross-border': true } });
    expect(rewriter.rewrite(page, { url: PAGE, region: 'CN', cookie: cookie(granted) })).toBe(page);
    // The visitor's own "off" for the service holds it too, whatever its category says.
    const off = record({ consents: { 'cross-border': true }, services: { 'google-analytics': false } });
    expect(rewriter.rewrite(page, { url: PAGE, region: 'CN', cookie: cookie(off) })).toContain('data-service="google-analytics"');
  });
});

describe('consentry validate and build-config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-catalogue-hosts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'consent.json');
  writeFileSync(file, JSON.stringify(CONFIG));
  const run = async (command: typeof runValidate, ...argv: string[]) => {
    const out = { stdout: '', stderr: '' };
    const status = await command(argv, { stdout: (text) => void (out.stdout += text), stderr: (text) => void (out.stderr += text) });
    return { status, ...out };
  };
  const WARNING =
    'services.google-analytics: needs the separate consent cross-border, but consentry\'s vendor catalogue knows hosts of "google-analytics" ' +
    'its hosts do not list (google-analytics.com, analytics.google.com): on the page a tag from them waits for the category "analytics" ' +
    'alone. Add them to hosts, or use build-config --compiled, which adds them';

  it('validate warns, naming the service and the hosts, when a separate consent would not hold them on the page', async () => {
    const result = await run(runValidate, file, '--json');
    expect(result.status).toBe(0);
    const { warnings } = JSON.parse(result.stdout);
    expect(warnings).toContain(WARNING);
    expect(warnings.filter((warning: string) => warning.startsWith('services.meta-pixel:'))).toHaveLength(1);
    // No separate consent, or the hosts declared: nothing to say.
    const declared = join(dir, 'declared.json');
    writeFileSync(
      declared,
      JSON.stringify({
        ...CONFIG,
        services: [
          { id: 'google-analytics', category: 'analytics', hosts: GA_HOSTS, separateConsents: ['cross-border'] },
          { id: 'meta-pixel', category: 'advertising' },
        ],
      }),
    );
    expect(JSON.parse((await run(runValidate, declared, '--json')).stdout).warnings).toEqual([]);
  });

  it('build-config warns as validate does; --compiled adds the hosts instead, declared ones first, and the loader check accepts it', async () => {
    const raw = await run(runBuildConfig, file, '--json');
    expect(raw.stderr).toContain(`warning: ${WARNING}\n`);
    expect(JSON.parse(raw.stdout)).toEqual(CONFIG);
    const compiled = await run(runBuildConfig, file, '--compiled', '--json');
    expect(compiled.stderr).toBe('');
    const form = JSON.parse(compiled.stdout);
    const applied = readCompiled(form, __VERSION__);
    if (!applied || applied instanceof Error) throw new Error(`refused: ${applied}`);
    expect(applied.services.map((service) => [service.id, service.hosts])).toEqual([
      ['google-analytics', GA_HOSTS],
      ['meta-pixel', ['connect.facebook.net']],
      ['northstar', ['cdn.northstar.example']],
    ]);
    // The loader's own classification then files the catalogue host under the service.
    expect(urlCategory(GA, applied, PAGE)).toEqual({ category: 'analytics', service: 'google-analytics' });
  });
});

describe('consentry migrate', () => {
  it("names the catalogue id of a migrated service whose cookies are one vendor's, and keeps the old tool's id", () => {
    const input = {
      categories: {
        necessary: { readOnly: true },
        analytics: { services: { ga: { label: 'GA', cookies: [{ name: '_ga' }] }, own: { label: 'Own', cookies: [{ name: 'own_id' }] } } },
      },
    };
    const { config, notes } = migrateConfig(input, 'vanilla-cookieconsent');
    expect(notes.filter((note) => note.includes("consentry's catalogue"))).toEqual([
      `services.ga: its cookies are Google Analytics's, whose id in consentry's catalogue is "google-analytics"; with that id (and ` +
        `data-service="google-analytics" in your markup) the catalogue's hosts of Google Analytics wait for this service's own grant in ` +
        'the HTML rewriter and a compiled config, not for its category alone',
    ]);
    expect(config.services?.map((service) => service.id)).toEqual(['ga', 'own']);
  });
});
