import { describe, expect, it } from 'vitest';
import type { ServiceSettings, Settings } from '../../src/core/config/types';
import { cookieCategory } from '../../src/core/classify/cookie-category';
import { knownCookieCategory } from '../../src/core/classify/known-cookie-category';
import { ADVERTISING_COOKIES, ANALYTICS_COOKIES } from '../../src/core/classify/tables/loader-cookies';

function service(id: string, category: string, cookies: ServiceSettings['cookies']): ServiceSettings {
  return { id, category, name: id, provider: '', purpose: '', privacyPolicyUrl: '', cookies, storage: [], hosts: [] };
}

function settings(services: ServiceSettings[], cookieName = 'consentry'): Settings {
  return {
    revision: 0,
    language: 'auto',
    categories: [],
    services,
    cookie: { name: cookieName, domain: '', path: '/', sameSite: 'Lax', expiresDays: 182 },
    texts: {},
    ui: { layout: 'bar-bottom', theme: 'auto', floatingButton: true, closeButton: false, privacyPolicyUrl: '', nonce: '', assetsUrl: '' },
    regions: { default: 'opt-in', rules: [], source: '' },
    signals: { gpc: true, dnt: false },
    minors: { ask: false, thresholds: {} },
    crossBorder: null,
    blocking: {
      autoBlock: true,
      rules: [],
      unknownCookies: 'allow',
      reloadOnWithdraw: true,
      aliases: true,
      categoryAliases: {},
      trustedTypesPolicy: 'consentry',
    },
    receipts: null,
    integrations: {},
  };
}

/** Names sites use for their own cookies: never classified by name alone in the browser. */
const GENERIC = [
  'sessionid',
  'session',
  'locale',
  'lang',
  'language',
  'id',
  'ID',
  'token',
  'csrftoken',
  'uid',
  'uuid',
  'PHPSESSID',
  'JSESSIONID',
  'currency',
  'fr',
  'i',
  'sp',
];

describe('knownCookieCategory', () => {
  it('knows the global tracker cookies, exact names and prefixes', () => {
    const analytics = [
      '_ga',
      '_ga_ABC123XYZ',
      '_gid',
      '_gat',
      '_gat_UA-123-1',
      '_gat_gtag_UA_1',
      '__utma',
      '_dc_gtm_UA-1',
      '_clck',
      '_clsk',
      '_hjSessionUser_123',
      '_hjid',
      '_ym_uid',
      '_pk_id.1.abcd',
      '_hp2_id.123',
      'AMP_abc',
      'AMCV_ABC%40AdobeOrg',
      'AMCVS_ABC%40AdobeOrg',
    ];
    // AMCV_* / AMCVS_* were advertising (the Open Cookie Database files them under Audience Manager); the
    // vendor catalogue files them under Adobe Analytics, which sets them on every page it measures.
    const advertising = [
      '_gcl_au',
      '_gcl_aw',
      '_gac_UA-1',
      '__gads',
      '__gpi',
      'IDE',
      'test_cookie',
      '_fbp',
      '_fbc',
      '_uetsid',
      '_uetvid',
      '_uetmsclkid',
      '_ttp',
      '_tt_enable_cookie',
      'ttcsid',
      'ttcsid_C123',
      'li_sugr',
      'li_fat_id',
      '_twclid',
      '_pin_unauth',
      '_pinterest_ct_ua',
      '_epik',
      '_scid',
      '_scid_r',
      '_rdt_uuid',
      '__qca',
      'cto_bundle',
    ];
    for (const name of analytics) expect(knownCookieCategory(name), name).toBe('analytics');
    for (const name of advertising) expect(knownCookieCategory(name), name).toBe('advertising');
  });

  it('knows the Chinese analytics cookies', () => {
    const names = [
      'Hm_lvt_e92c8d65d92d534b0fc290df538b4758',
      'Hm_lpvt_e92c8d65d92d534b0fc290df538b4758',
      'HMACCOUNT',
      'Hm_ck_1651985948344',
      'CNZZDATA1281115298',
      'UM_distinctid',
      'pgv_pvid',
      'pgv_pvi',
      'pgv_si',
      'pgv_info',
      'gr_user_id',
      'gr_session_id_89669d96c88aefbc',
      'gr_cs1_d54a635e-cece-4f16-aca4-808ae92ee559',
      'sensorsdata2015jssdkcross',
      'sensorsdata2015session',
      'sajssdk_2015_cross_new_user',
      '__tea_cache_tokens_1988',
      '__51cke__',
      '__51laig__',
      '__tins__4287866',
    ];
    for (const name of names) expect(knownCookieCategory(name), name).toBe('analytics');
  });

  it('is case-sensitive and exact about names', () => {
    expect(knownCookieCategory('_GA')).toBeNull();
    expect(knownCookieCategory('hm_lvt_abc')).toBeNull();
    expect(knownCookieCategory('ga')).toBeNull();
    expect(knownCookieCategory('_gaa')).toBeNull();
    expect(knownCookieCategory('_fbpx')).toBeNull();
    expect(knownCookieCategory('ide')).toBeNull();
    expect(knownCookieCategory('')).toBeNull();
  });

  it('never classifies generic names that collide across vendors', () => {
    for (const name of GENERIC) expect(knownCookieCategory(name), name).toBeNull();
    const tokens = `${ANALYTICS_COOKIES} ${ADVERTISING_COOKIES}`.split(' ').map((t) => t.replace(/\*$/, '').toLowerCase());
    for (const name of GENERIC) expect(tokens).not.toContain(name.toLowerCase());
    // No prefix so short that it would swallow a site's own names (`_hj` is the shortest).
    for (const token of `${ANALYTICS_COOKIES} ${ADVERTISING_COOKIES}`.split(' ')) {
      if (token.endsWith('*')) expect(token.length - 1, token).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('cookieCategory', () => {
  it('treats the consent cookie as essential, by default name or configured name', () => {
    expect(cookieCategory('consentry', null)).toBe('essential');
    expect(cookieCategory('consentry', settings([]))).toBe('essential');
    expect(cookieCategory('site_consent', settings([], 'site_consent'))).toBe('essential');
    expect(cookieCategory('consentry', settings([], 'site_consent'))).toBeNull();
  });

  it('treats its __Host- form, the name written on https, as essential too (issue 24 #7)', () => {
    expect(cookieCategory('__Host-consentry', null)).toBe('essential');
    expect(cookieCategory('__Host-site_consent', settings([], 'site_consent'))).toBe('essential');
    expect(cookieCategory('__Host-consentry', settings([], 'site_consent'))).toBeNull();
  });

  it('uses the config declarations, exact names and prefixes, with their service category', () => {
    const s = settings([
      service('chat', 'functional', [{ name: 'chat_session' }]),
      service('abtest', 'analytics', [{ name: 'exp_', prefix: true }]),
    ]);
    expect(cookieCategory('chat_session', s)).toBe('functional');
    expect(cookieCategory('chat_session_2', s)).toBeNull();
    expect(cookieCategory('exp_home', s)).toBe('analytics');
    expect(cookieCategory('exp', s)).toBeNull();
  });

  it('lets a declaration reclassify a built-in name, but not the consent cookie', () => {
    const s = settings([
      service('own-ga', 'essential', [{ name: '_ga' }]),
      service('greedy', 'advertising', [{ name: 'consent', prefix: true }]),
    ]);
    expect(cookieCategory('_ga', s)).toBe('essential');
    expect(cookieCategory('_gid', s)).toBe('analytics');
    expect(cookieCategory('consentry', s)).toBe('essential');
  });

  it('falls back to the built-in table, and gives null for unknown names', () => {
    expect(cookieCategory('_fbp', null)).toBe('advertising');
    expect(cookieCategory('Hm_lvt_abc', settings([]))).toBe('analytics');
    expect(cookieCategory('CNZZDATA1000', null)).toBe('analytics');
    expect(cookieCategory('sessionid', null)).toBeNull();
    expect(cookieCategory('my_cart', settings([]))).toBeNull();
  });
});
