import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { createClassifier } from '../../src/node/cli/classify/classifier';
import { cookieParty, isThirdPartyUrl, registrableDomain } from '../../src/node/cli/classify/party';
import { builtInTables } from '../../src/node/cli/classify/tables';
import { describeDuration } from '../../src/node/cli/report/duration';
import type { Setter } from '../../src/node/cli/types';

const SITE = 'https://www.shop.example';
const none: Setter = { kind: 'unknown' };

describe('party', () => {
  it('groups subdomains under their registrable domain, also behind two-label suffixes', () => {
    expect(registrableDomain('www.shop.example')).toBe('shop.example');
    expect(registrableDomain('a.b.example.co.uk')).toBe('example.co.uk');
    expect(registrableDomain('hm.baidu.com')).toBe('baidu.com');
    expect(registrableDomain('www.example.com.cn')).toBe('example.com.cn');
    expect(registrableDomain('127.0.0.1')).toBe('127.0.0.1');
    expect(registrableDomain('.Example.COM')).toBe('example.com');
  });
  it('on a domain, subdomains are first-party; on an IP, another port is another party', () => {
    expect(isThirdPartyUrl('https://cdn.shop.example/a.js', SITE)).toBe(false);
    expect(isThirdPartyUrl('https://www.google-analytics.com/g/collect', SITE)).toBe(true);
    expect(isThirdPartyUrl('http://127.0.0.1:4001/ns.js', 'http://127.0.0.1:4000')).toBe(true);
    expect(isThirdPartyUrl('http://127.0.0.1:4000/app.js', 'http://127.0.0.1:4000')).toBe(false);
  });
  it('a cookie set by a third party server is third-party, one a script writes on the site is first-party', () => {
    expect(cookieParty('doubleclick.net', { kind: 'header', url: 'https://ad.doubleclick.net/x' }, SITE)).toBe('third');
    expect(cookieParty('shop.example', { kind: 'script', url: 'https://www.googletagmanager.com/gtag.js', inline: false }, SITE)).toBe(
      'first',
    );
    expect(cookieParty('127.0.0.1', { kind: 'header', url: 'http://127.0.0.1:4002/px.gif' }, 'http://127.0.0.1:4000')).toBe('third');
    expect(cookieParty('127.0.0.1', { kind: 'header', url: 'http://127.0.0.1:4000/' }, 'http://127.0.0.1:4000')).toBe('first');
  });
});

describe('describeDuration', () => {
  const now = Date.UTC(2025, 0, 1);
  const at = (seconds: number) => now / 1000 + seconds;
  it('says it the way cookie tables do', () => {
    expect(describeDuration(null, now)).toBe('session');
    expect(describeDuration(at(-5), now)).toBe('expired');
    expect(describeDuration(at(30), now)).toBe('30 seconds');
    expect(describeDuration(at(60), now)).toBe('1 minute');
    expect(describeDuration(at(1800), now)).toBe('30 minutes');
    expect(describeDuration(at(86400), now)).toBe('24 hours');
    expect(describeDuration(at(30 * 86400), now)).toBe('30 days');
    expect(describeDuration(at(90 * 86400), now)).toBe('3 months');
    expect(describeDuration(at(390 * 86400), now)).toBe('13 months');
    expect(describeDuration(at(730 * 86400), now)).toBe('2 years');
  });
});

describe('classifier', () => {
  const settings = validateConfig({
    categories: [{ id: 'functional', title: 'Functional' }],
    services: [
      {
        id: 'site',
        category: 'essential',
        provider: 'Shop',
        cookies: [{ name: 'sid', purpose: 'Session' }],
        storage: [{ key: 'cart', type: 'local' }],
      },
      {
        id: 'chat',
        category: 'functional',
        provider: 'ChatCo',
        hosts: ['widget.chat.example'],
        cookies: [{ name: 'chat_', prefix: true, domain: 'chat.example' }],
      },
      { id: 'own-ga', category: 'advertising', provider: 'Reclassified', cookies: [{ name: '_gid' }] },
      { id: 'local-ads', category: 'advertising', provider: 'Local Ads' },
    ],
    blocking: { rules: [{ match: 'http://127.0.0.1:4002/', service: 'local-ads' }] },
  });
  const withConfig = createClassifier({ tables: builtInTables, settings, siteOrigin: SITE });
  const tablesOnly = createClassifier({ tables: builtInTables, settings: null, siteOrigin: SITE });

  it("sorts by the site's own declarations first, so the owner can reclassify", () => {
    expect(withConfig.cookie({ name: 'sid', domain: 'www.shop.example', setBy: none })).toMatchObject({
      category: 'essential',
      source: 'config',
      service: 'site',
      purpose: 'Session',
    });
    expect(withConfig.cookie({ name: '_gid', domain: 'shop.example', setBy: none })).toMatchObject({
      category: 'advertising',
      source: 'config',
    });
    expect(withConfig.cookie({ name: 'chat_id', domain: 'chat.example', setBy: none })).toMatchObject({
      category: 'functional',
      pattern: { name: 'chat_', prefix: true },
    });
    // Declared for chat.example only: the same name on another domain is not that cookie.
    expect(withConfig.cookie({ name: 'chat_id', domain: 'shop.example', setBy: none }).category).toBe('unclassified');
    expect(withConfig.storage({ type: 'local', key: 'cart', origin: SITE, setBy: none })).toMatchObject({
      category: 'essential',
      service: 'site',
    });
    expect(withConfig.request('https://widget.chat.example/w.js')).toMatchObject({
      category: 'functional',
      service: 'chat',
      provider: 'ChatCo',
    });
  });
  it("consentry's own cookie and keys are essential", () => {
    expect(tablesOnly.cookie({ name: 'consentry', domain: 'shop.example', setBy: none })).toMatchObject({
      category: 'essential',
      source: 'sdk',
    });
    // Its name on https sites (issue 24 #7).
    expect(tablesOnly.cookie({ name: '__Host-consentry', domain: 'shop.example', setBy: none })).toMatchObject({
      category: 'essential',
      source: 'sdk',
    });
    expect(tablesOnly.storage({ type: 'local', key: 'consentry:receipts', origin: SITE, setBy: none })).toMatchObject({
      category: 'essential',
      source: 'sdk',
    });
  });
  it('uses the SDK tables, matching name together with domain', () => {
    expect(tablesOnly.cookie({ name: '_ga_ABC123', domain: 'shop.example', setBy: none })).toMatchObject({
      category: 'analytics',
      provider: 'Google Analytics',
      source: 'table',
      pattern: { name: '_ga_', prefix: true },
    });
    expect(tablesOnly.cookie({ name: 'Hm_lvt_0123abc', domain: 'shop.example', setBy: none })).toMatchObject({
      category: 'analytics',
      provider: 'Baidu',
    });
    expect(tablesOnly.cookie({ name: 'IDE', domain: 'doubleclick.net', setBy: none }).category).toBe('advertising');
    // A generic name classifies on the vendor's domain only, never on the site's.
    expect(tablesOnly.cookie({ name: 'NID', domain: 'google.com', setBy: none }).category).toBe('advertising');
    expect(tablesOnly.cookie({ name: 'NID', domain: 'shop.example', setBy: none }).category).toBe('unclassified');
    expect(tablesOnly.request('https://hm.baidu.com/hm.js?x')).toMatchObject({ category: 'analytics', source: 'table' });
    expect(tablesOnly.request('https://connect.facebook.net/en_US/fbevents.js').category).toBe('advertising');
  });
  it('an unknown cookie or key takes the category of the known third party that set or holds it', () => {
    const header: Setter = { kind: 'header', url: 'https://stats.g.doubleclick.net/x' };
    expect(tablesOnly.cookie({ name: 'zz_unknown', domain: 'shop.example', setBy: header })).toMatchObject({
      category: 'advertising',
      source: 'table',
    });
    expect(tablesOnly.cookie({ name: 'zz_unknown', domain: 'doubleclick.net', setBy: none }).category).toBe('advertising');
    expect(
      withConfig.cookie({ name: 'zz', domain: '127.0.0.1', setBy: { kind: 'header', url: 'http://127.0.0.1:4002/px' } }),
    ).toMatchObject({ category: 'advertising', service: 'local-ads' });
    expect(withConfig.storage({ type: 'local', key: 'zz', origin: 'http://127.0.0.1:4002', setBy: none })).toMatchObject({
      category: 'advertising',
    });
    expect(withConfig.request('http://127.0.0.1:4002/ads.js')).toMatchObject({
      category: 'advertising',
      service: 'local-ads',
      source: 'config',
    });
  });
  it('reads storage declarations as the storage guard does: `*` patterns, IndexedDB databases by type', () => {
    const declared = createClassifier({
      tables: builtInTables,
      settings: validateConfig({
        services: [{ id: 'replay', category: 'analytics', storage: [{ key: 'rec_*_id' }, { key: 'recDb', type: 'indexeddb' }] }],
      }),
      siteOrigin: SITE,
    });
    expect(declared.storage({ type: 'session', key: 'rec_42_id', origin: SITE, setBy: none })).toMatchObject({
      category: 'analytics',
      service: 'replay',
      source: 'config',
    });
    expect(declared.storage({ type: 'indexeddb', key: 'recDb', origin: SITE, setBy: none })).toMatchObject({
      category: 'analytics',
      service: 'replay',
    });
    // A web-storage declaration does not name a database, nor a database declaration a key.
    expect(declared.storage({ type: 'indexeddb', key: 'rec_42_id', origin: SITE, setBy: none }).category).toBe('unclassified');
    expect(declared.storage({ type: 'local', key: 'recDb', origin: SITE, setBy: none }).category).toBe('unclassified');
  });

  it('anything unknown is unclassified, never essential', () => {
    expect(tablesOnly.cookie({ name: 'sessionid', domain: 'shop.example', setBy: none }).category).toBe('unclassified');
    expect(
      tablesOnly.cookie({ name: 'x', domain: 'shop.example', setBy: { kind: 'script', url: SITE + '/', inline: true } }).category,
    ).toBe('unclassified');
    expect(tablesOnly.storage({ type: 'indexeddb', key: 'app-db', origin: SITE, setBy: none }).category).toBe('unclassified');
    expect(tablesOnly.request('https://fonts.unknown-cdn.example/x.woff2').category).toBe('unclassified');
    expect(tablesOnly.request('not a url').category).toBe('unclassified');
  });
});
