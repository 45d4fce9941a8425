import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '../../data/vendors/schema.json';
import { GROUPS, loadCatalogue, wildcardRegExp, type Vendor } from './fixtures/vendor-catalogue';

// The catalogue is data other code will compile into tables: these checks keep it well-formed and
// unambiguous before any consumer reads it. The classification against the generated tables lives in
// vendor-catalogue-tables.test.ts.

const catalogue = loadCatalogue();
const vendors = catalogue.flatMap((group) => group.vendors);
const byId = new Map(vendors.map((vendor) => [vendor.id, vendor]));

/**
 * Names that many unrelated sites and vendors use for their own cookies and keys. A vendor entry must
 * not claim one: a consumer matching by name alone would hold or delete a site's own data.
 */
const GENERIC_NAMES = new Set([
  'id',
  'uid',
  'sid',
  'pid',
  'uuid',
  'token',
  'session',
  'sessionid',
  'sess',
  'lang',
  'locale',
  'ref',
  'user',
  'csrftoken',
  'csrf_token',
  'JSESSIONID',
  'PHPSESSID',
  'ASP.NET_SessionId',
  'consent',
  'CONSENT',
  'test',
  'testCookie',
  'player',
  'sync',
  'ts',
  'loc',
  'callback',
  'usprivacy',
  'euconsent-v2',
  'access_token',
  'client_token',
  'api_token',
]);

describe('vendor catalogue: shape', () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(schema);

  it.each(catalogue.map((group) => [group.group, group] as const))('%s.json matches data/vendors/schema.json', (_, group) => {
    const valid = validate(group.vendors);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5))).toEqual([]);
    expect(valid).toBe(true);
  });

  it('has exactly the documented group files', () => {
    expect(catalogue.map((group) => group.group).sort()).toEqual([...GROUPS].sort());
  });

  it('holds at least 300 vendors, and every group a real share of them', () => {
    expect(vendors.length).toBeGreaterThanOrEqual(300);
    for (const group of catalogue) expect(group.vendors.length, group.group).toBeGreaterThanOrEqual(10);
  });

  it('states the group sizes README.md gives', () => {
    const readme = readFileSync(new URL('../../data/vendors/README.md', import.meta.url), 'utf8');
    for (const group of catalogue) {
      const row = new RegExp('^\\| `' + group.group + '\\.json` \\|.*\\| (\\d+) \\|$', 'm').exec(readme);
      expect(row?.[1], group.group).toBe(String(group.vendors.length));
    }
    expect(readme).toContain(`| | **Total** | **${vendors.length}** |`);
    const count = (category: string) => vendors.filter((vendor) => vendor.category == category).length;
    expect(readme).toContain(
      `By default category: ${count('analytics')} analytics, ${count('advertising')} advertising, ${count('essential')} essential.`,
    );
  });

  it('gives every vendor a unique id', () => {
    const seen = new Set<string>();
    const duplicates = vendors.filter((vendor) => (seen.has(vendor.id) ? true : (seen.add(vendor.id), false)));
    expect(duplicates.map((vendor) => vendor.id)).toEqual([]);
  });

  it('gives every vendor a source and something to match it by', () => {
    for (const vendor of vendors) {
      expect(vendor.sources.length, vendor.id).toBeGreaterThan(0);
      for (const source of vendor.sources) expect(() => new URL(source), `${vendor.id}: ${source}`).not.toThrow();
      expect(vendor.hosts.length + (vendor.paths?.length ?? 0), vendor.id).toBeGreaterThan(0);
    }
  });

  it('cites no non-commercial tracker list (Ghostery, DuckDuckGo Tracker Radar, Disconnect)', () => {
    const forbidden = /ghostery|trackerdb|tracker-radar|duckduckgo|disconnect\.me|disconnectme/i;
    expect(vendors.flatMap((vendor) => vendor.sources).filter((source) => forbidden.test(source))).toEqual([]);
  });
});

describe('vendor catalogue: hosts', () => {
  it('writes hosts as lower-case registrable-looking names, not addresses or URLs', () => {
    for (const vendor of vendors) {
      for (const host of vendor.hosts) {
        expect(host, vendor.id).toBe(host.toLowerCase());
        expect(host, vendor.id).not.toMatch(/[/:*\s]|^\d+(\.\d+){3}$/);
        expect(host.split('.').length, `${vendor.id}: ${host}`).toBeGreaterThanOrEqual(2);
        expect(host.split('.').pop(), `${vendor.id}: ${host}`).toMatch(/^[a-z]{2,}$|^xn--/);
      }
    }
  });

  it('claims each host for one vendor only', () => {
    const owners = new Map<string, string[]>();
    for (const vendor of vendors) for (const host of vendor.hosts) owners.set(host, [...(owners.get(host) ?? []), vendor.id]);
    expect([...owners].filter(([, ids]) => ids.length > 1)).toEqual([]);
  });

  it('never nests one vendor’s host inside another vendor’s host of a different category', () => {
    const claims = vendors.flatMap((vendor) => vendor.hosts.map((host) => ({ host, vendor })));
    const conflicts: string[] = [];
    for (const inner of claims) {
      for (const outer of claims) {
        if (inner.vendor === outer.vendor || inner.vendor.category === outer.vendor.category) continue;
        if (inner.host.endsWith('.' + outer.host)) {
          conflicts.push(
            `${inner.host} (${inner.vendor.id}, ${inner.vendor.category}) within ${outer.host} (${outer.vendor.id}, ${outer.vendor.category})`,
          );
        }
      }
    }
    expect(conflicts).toEqual([]);
  });
});

describe('vendor catalogue: patterns', () => {
  const namePatterns = (vendor: Vendor) => [
    ...(vendor.cookies ?? []).map((name) => ['cookie', name] as const),
    ...(vendor.localStorage ?? []).map((name) => ['localStorage', name] as const),
    ...(vendor.sessionStorage ?? []).map((name) => ['sessionStorage', name] as const),
    ...(vendor.indexedDB ?? []).map((name) => ['indexedDB', name] as const),
  ];

  it('compiles every cookie, storage and database pattern, and each matches a name of its own shape', () => {
    for (const vendor of vendors) {
      for (const [kind, pattern] of namePatterns(vendor)) {
        const regexp = wildcardRegExp(pattern);
        expect(regexp.test(pattern.replaceAll('*', 'x1')), `${vendor.id} ${kind} ${pattern}`).toBe(true);
        // Anchored: a pattern never matches a name that merely contains it.
        const instance = pattern.replaceAll('*', 'x1');
        expect(regexp.test('zz' + instance), `${vendor.id} ${kind} ${pattern}`).toBe(pattern.startsWith('*'));
        expect(regexp.test(instance + 'zz'), `${vendor.id} ${kind} ${pattern}`).toBe(pattern.endsWith('*'));
      }
    }
  });

  it('keeps at least three literal characters in every wildcard pattern, so none swallows unrelated names', () => {
    for (const vendor of vendors) {
      for (const [kind, pattern] of namePatterns(vendor)) {
        if (pattern.includes('*')) expect(pattern.replaceAll('*', '').length, `${vendor.id} ${kind} ${pattern}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('claims no generic cookie or key name a site would use for its own data', () => {
    const claimed = vendors.flatMap((vendor) =>
      namePatterns(vendor)
        .filter(([, name]) => GENERIC_NAMES.has(name))
        .map(([kind, name]) => `${vendor.id} ${kind} ${name}`),
    );
    expect(claimed).toEqual([]);
  });

  it('lists no record of the visitor’s own choice (opt-out, consent, privacy), which a guard must never hold or delete', () => {
    const choice = /opt.?out|opt_in|consent|privacy|disable|do.?not.?track|_ignore$/i;
    const claimed = vendors.flatMap((vendor) =>
      namePatterns(vendor)
        .filter(([, name]) => choice.test(name))
        .map(([kind, name]) => `${vendor.id} ${kind} ${name}`),
    );
    expect(claimed).toEqual([]);
  });

  it('never gives one cookie or key name to two vendors of different categories', () => {
    const owners = new Map<string, Vendor[]>();
    for (const vendor of vendors)
      for (const [kind, name] of namePatterns(vendor)) owners.set(`${kind} ${name}`, [...(owners.get(`${kind} ${name}`) ?? []), vendor]);
    const conflicts = [...owners]
      .filter(([, owning]) => new Set(owning.map((vendor) => vendor.category)).size > 1)
      .map(([name, owning]) => `${name}: ${owning.map((vendor) => `${vendor.id} (${vendor.category})`).join(', ')}`);
    expect(conflicts).toEqual([]);
  });

  it('compiles every path pattern, and wildcards stay inside the host or path', () => {
    for (const vendor of vendors) {
      for (const pattern of vendor.paths ?? []) {
        const regexp = wildcardRegExp(pattern);
        expect(regexp.test(pattern.replaceAll('*', 'x1')), `${vendor.id} ${pattern}`).toBe(true);
        expect(pattern.indexOf('/'), `${vendor.id} ${pattern}`).toBeGreaterThan(0);
      }
    }
  });

  it('matches the tracker path on a shared host, not the host’s other pages', () => {
    const meta = byId.get('meta-pixel')!.paths!.map(wildcardRegExp);
    const matches = (patterns: RegExp[], hostAndPath: string) => patterns.some((pattern) => pattern.test(hostAndPath));
    expect(matches(meta, 'www.facebook.com/tr')).toBe(true);
    expect(matches(meta, 'www.facebook.com/tr/')).toBe(true);
    expect(matches(meta, 'www.facebook.com/trending')).toBe(false);
    expect(matches(meta, 'www.facebook.com/')).toBe(false);
    const google = byId.get('google-ads')!.paths!.map(wildcardRegExp);
    for (const path of [
      'www.google.com/pagead/1p-conversion/123/',
      'www.google.com/ads/ga-audiences',
      'www.google.com/ccm/collect',
      'www.google.co.uk/pagead/1p-user-list/1/',
    ]) {
      expect(matches(google, path), path).toBe(true);
    }
    expect(matches(google, 'www.google.com/search')).toBe(false);
    // gtag.js serves Analytics and Ads from one host: the query names the product.
    expect(matches(google, 'www.googletagmanager.com/gtag/js?id=AW-123456789')).toBe(true);
    expect(matches(google, 'www.googletagmanager.com/gtag/js?id=G-ABCDEF')).toBe(false);
    expect(matches(google, 'www.google.com/recaptcha/api.js')).toBe(false);
  });
});

describe('vendor catalogue: coverage the issue asks for', () => {
  const vendor = (id: string) => {
    const found = byId.get(id);
    expect(found, id).toBeDefined();
    return found!;
  };

  it('holds every Chinese-ecosystem vendor the issue names', () => {
    const china = new Set(catalogue.find((group) => group.group == 'china')!.vendors.map((entry) => entry.id));
    for (const id of [
      'baidu-tongji',
      'baidu-union',
      'cnzz-umeng',
      'tencent-analytics',
      'tencent-beacon',
      'tencent-ads',
      'alimama',
      'ocean-engine',
      'volcengine-datafinder',
      'sensors-data',
      'growingio',
      'zhuge',
      'qihoo-360-analytics',
      'qihoo-360-ads',
      'sogou-ads',
      'kuaishou-ads',
      'jd-ads',
      'xiaomi-ads',
      'weibo-ads',
    ]) {
      expect(china.has(id), id).toBe(true);
    }
  });

  it('holds PostHog with its regional ingestion and asset hosts, cookie and storage keys', () => {
    const posthog = vendor('posthog');
    expect(posthog.hosts).toEqual(
      expect.arrayContaining(['us.i.posthog.com', 'eu.i.posthog.com', 'us-assets.i.posthog.com', 'eu-assets.i.posthog.com']),
    );
    expect(posthog.cookies).toContain('ph_*_posthog');
    expect(wildcardRegExp('ph_*_posthog').test('ph_phc_abc123_posthog')).toBe(true);
    expect(posthog.sessionStorage).toContain('ph_*_window_id');
  });

  it('holds Mixpanel with its CDN, API hosts and IndexedDB databases', () => {
    const mixpanel = vendor('mixpanel');
    expect(mixpanel.hosts).toEqual(expect.arrayContaining(['cdn.mxpnl.com', 'mixpanel.com']));
    expect(mixpanel.cookies).toContain('mp_*_mixpanel');
    expect(mixpanel.indexedDB).toEqual(expect.arrayContaining(['mixpanelBrowserDb', 'mixpanelFlagsDb']));
  });

  it('holds the RUM and error-monitoring vendors under their documented default', () => {
    const datadog = vendor('datadog-rum');
    expect(datadog.cookies).toContain('_dd_s');
    expect(datadog.hosts).toEqual(
      expect.arrayContaining(['browser-intake-datadoghq.com', 'browser-intake-datadoghq.eu', 'www.datadoghq-browser-agent.com']),
    );
    expect(vendor('sentry').hosts).toEqual(
      expect.arrayContaining(['ingest.sentry.io', 'ingest.us.sentry.io', 'ingest.de.sentry.io', 'browser.sentry-cdn.com']),
    );
    // README "Default categories": RUM and error monitoring default to analytics.
    for (const entry of catalogue.find((group) => group.group == 'monitoring')!.vendors) expect(entry.category, entry.id).toBe('analytics');
  });

  it('holds Meta Pixel and Google Ads by path on their shared hosts', () => {
    expect(vendor('meta-pixel').paths).toEqual(expect.arrayContaining(['www.facebook.com/tr', 'www.facebook.com/tr/*']));
    expect(vendor('google-ads').paths).toEqual(
      expect.arrayContaining(['www.google.com/pagead/*', 'www.google.com/ads/*', 'www.google.com/ccm/*']),
    );
    expect(vendor('google-analytics').cookies).toEqual(expect.arrayContaining(['_ga', '_ga_*']));
  });
});
