import { describe, expect, it } from 'vitest';
import { classifyCookieFull } from '../../src/node/classify/classify-cookie-full';
import { classifyHostFull } from '../../src/node/classify/classify-host-full';
import { hostCategory } from '../../src/core/classify/host-category';
import { knownCookieCategory } from '../../src/core/classify/known-cookie-category';
import { FULL_COOKIE_ROWS } from '../../src/node/tables/full-cookies';
import { FULL_HOST_ROWS } from '../../src/node/tables/full-hosts';
import { ADVERTISING_COOKIES, ANALYTICS_COOKIES } from '../../src/core/classify/tables/loader-cookies';
import { ADVERTISING_HOSTS, ANALYTICS_HOSTS } from '../../src/core/classify/tables/loader-hosts';

describe('classifyCookieFull', () => {
  it('classifies a generic name on the vendor’s domain, not on the site’s own host', () => {
    expect(classifyCookieFull({ name: 'sessionid', domain: 'instagram.com' })).toMatchObject({
      category: 'advertising',
      provider: 'Instagram',
      byDomain: true,
    });
    expect(classifyCookieFull({ name: 'sessionid', domain: '.www.instagram.com' })).toMatchObject({
      category: 'advertising',
      provider: 'Instagram',
    });
    expect(classifyCookieFull({ name: 'sessionid', domain: 'shop.example.com' })).toBeNull();
    expect(classifyCookieFull({ name: 'sessionid' })).toBeNull();
    expect(classifyCookieFull({ name: 'locale', domain: '.facebook.com' })).toMatchObject({
      category: 'advertising',
      provider: 'Facebook',
    });
    expect(classifyCookieFull({ name: 'locale', domain: 'example.com' })).toBeNull();
  });

  it('tells vendors apart by domain when they share a name', () => {
    expect(classifyCookieFull({ name: 'token', domain: 'adform.net' })).toMatchObject({ category: 'advertising', provider: 'Adform' });
    expect(classifyCookieFull({ name: 'token', domain: 'ib.adnxs.com' })).toMatchObject({ category: 'essential', provider: 'Xandr' });
    expect(classifyCookieFull({ name: 'token', domain: 'example.com' })).toBeNull();
  });

  it('classifies distinctive names whatever domain they sit on', () => {
    expect(classifyCookieFull({ name: '_ga' })).toMatchObject({
      category: 'analytics',
      provider: 'Google Analytics',
      byDomain: false,
      prefix: false,
    });
    expect(classifyCookieFull({ name: '_ga_ABC123', domain: 'example.com' })).toMatchObject({
      category: 'analytics',
      name: '_ga_',
      prefix: true,
    });
    // OCD files _fbp under facebook.com, but the Meta Pixel sets it on the site itself.
    expect(classifyCookieFull({ name: '_fbp', domain: 'example.com' })).toMatchObject({ category: 'advertising', provider: 'Facebook' });
    expect(classifyCookieFull({ name: 'PHPSESSID', domain: 'example.com' })).toMatchObject({
      category: 'essential',
      ocdCategory: 'Functional',
    });
  });

  it('returns the OCD description, retention, controller and privacy portal', () => {
    const match = classifyCookieFull({ name: '_gid' });
    expect(match).toMatchObject({ source: 'ocd', ocdCategory: 'Analytics', controller: 'Google' });
    expect(match!.description.length).toBeGreaterThan(10);
    expect(match!.retention).not.toBe('');
    expect(match!.privacyUrl).toMatch(/^https?:\/\//);
  });

  it('applies consentry’s category overrides', () => {
    expect(classifyCookieFull({ name: '_hjSession_123' })).toMatchObject({
      category: 'analytics',
      ocdCategory: 'Functional',
      provider: 'Hotjar',
    });
    expect(classifyCookieFull({ name: 'test_cookie', domain: 'doubleclick.net' })).toMatchObject({
      category: 'advertising',
      ocdCategory: 'Functional',
    });
    // OCD says Wildcard match = 0, but the real names carry a site id.
    expect(classifyCookieFull({ name: 'Hm_lvt_e92c8d65d92d534b0fc290df538b4758' })).toMatchObject({
      category: 'analytics',
      provider: 'Baidu',
      prefix: true,
    });
  });

  it('knows the Chinese additions, including WAF / load-balancer cookies as essential', () => {
    expect(classifyCookieFull({ name: 'CNZZDATA1281115298' })).toMatchObject({
      category: 'analytics',
      provider: 'CNZZ (Umeng)',
      source: 'hand',
    });
    expect(classifyCookieFull({ name: 'UM_distinctid' })).toMatchObject({ category: 'analytics', source: 'hand' });
    expect(classifyCookieFull({ name: 'HMACCOUNT_BFESS', domain: '.hm.baidu.com' })).toMatchObject({
      category: 'analytics',
      byDomain: true,
    });
    expect(classifyCookieFull({ name: 'pgv_pvid' })).toMatchObject({
      category: 'analytics',
      provider: expect.stringContaining('Tencent Analytics'),
    });
    expect(classifyCookieFull({ name: 'sensorsdata2015jssdkcross' })).toMatchObject({
      category: 'analytics',
      provider: expect.stringContaining('Sensors Data'),
    });
    expect(classifyCookieFull({ name: '__tea_cache_tokens_1988' })).toMatchObject({ category: 'analytics' });
    for (const name of ['acw_tc', 'acw_sc__v2', 'aliyungf_tc', 'ssxmod_itna2', 'HWWAFSESID', 'HWWAFSESTIME', '__jsluid_s']) {
      expect(classifyCookieFull({ name, domain: 'www.example.cn' }), name).toMatchObject({ category: 'essential', source: 'hand' });
    }
    // cna is short and generic: only on Alibaba's tracker domain.
    expect(classifyCookieFull({ name: 'cna', domain: '.mmstat.com' })).toMatchObject({ category: 'advertising' });
    expect(classifyCookieFull({ name: 'cna', domain: 'www.example.cn' })).toBeNull();
  });

  it('covers the loader’s generalised prefixes, and agrees with the loader tier', () => {
    expect(classifyCookieFull({ name: '_gcl_xx' })).toMatchObject({ category: 'advertising', source: 'derived' });
    // An exact OCD row still beats the derived prefix.
    expect(classifyCookieFull({ name: '_gcl_au' })).toMatchObject({ category: 'advertising', source: 'ocd' });
    const tokens = [
      ...ANALYTICS_COOKIES.split(' ').map((t) => [t, 'analytics'] as const),
      ...ADVERTISING_COOKIES.split(' ').map((t) => [t, 'advertising'] as const),
    ];
    for (const [token, category] of tokens) {
      const name = token.endsWith('*') ? token.slice(0, -1) + 'x1' : token;
      expect(knownCookieCategory(name), token).toBe(category);
      expect(classifyCookieFull({ name, domain: 'www.example.com' })?.category, token).toBe(category);
    }
  });

  it('holds every Open Cookie Database row', () => {
    expect(FULL_COOKIE_ROWS.filter((r) => r[9] == 'ocd')).toHaveLength(2264);
    expect(classifyCookieFull({ name: 'no_such_cookie_anywhere' })).toBeNull();
  });
});

describe('classifyHostFull', () => {
  it('classifies catalogued hosts with their vendor, consistently with the loader tier', () => {
    expect(classifyHostFull('hm.baidu.com')).toMatchObject({
      category: 'analytics',
      provider: 'Baidu Tongji (百度统计)',
      basis: 'catalogue',
      description: 'Baidu Tongji (百度统计): analytics / measurement (consentry vendor catalogue).',
    });
    expect(classifyHostFull('s4.cnzz.com')).toMatchObject({ category: 'analytics', provider: expect.stringContaining('CNZZ / Umeng') });
    const hosts = [
      ...ANALYTICS_HOSTS.split(' ').map((h) => [h, 'analytics'] as const),
      ...ADVERTISING_HOSTS.split(' ').map((h) => [h, 'advertising'] as const),
    ];
    for (const [host, category] of hosts) {
      expect(classifyHostFull(host)?.category, host).toBe(category);
      expect(classifyHostFull('sub.' + host)?.category, host).toBe(category);
      expect(hostCategory(host), host).toBe(category);
    }
  });

  it('maps v2fly @ads to advertising by default and measurement services to analytics', () => {
    expect(classifyHostFull('afdconf.baidu.com')).toMatchObject({
      category: 'advertising',
      source: 'v2fly:baidu',
      provider: 'baidu',
      description: 'Ads/tracking domain listed by v2fly/domain-list-community (baidu).',
    });
    expect(classifyHostFull('sngmta.qq.com')).toMatchObject({ category: 'analytics' });
    expect(classifyHostFull('bugly.qq.com')).toMatchObject({ category: 'analytics', basis: 'catalogue' });
    expect(classifyHostFull('beaconcdn.qq.com')).toMatchObject({ category: 'analytics' });
    expect(classifyHostFull('hmma.baidu.com')).toMatchObject({ category: 'analytics' });
    expect(classifyHostFull('ulogs.umeng.com')).toMatchObject({ category: 'analytics' });
    expect(classifyHostFull('o33249.ingest.sentry.io')).toMatchObject({ category: 'analytics', basis: 'catalogue' });
    expect(classifyHostFull('log.zijieapi.com')).toMatchObject({ category: 'analytics' });
    expect(classifyHostFull('crash.163.com')).toMatchObject({ category: 'analytics' });
    expect(classifyHostFull('gdt.qq.com')).toMatchObject({ category: 'advertising' });
    expect(classifyHostFull('pangolin.snssdk.com')).toMatchObject({ category: 'advertising' });
  });

  it('includes category-ads members and the whole GrowingIO list', () => {
    expect(classifyHostFull('js.users.51.la')).toMatchObject({ category: 'analytics' });
    expect(classifyHostFull('exoclick.com')).toMatchObject({ category: 'advertising', source: 'v2fly:category-ads' });
    expect(classifyHostFull('gio.ren')).toMatchObject({ category: 'analytics', basis: 'list' });
  });

  it('honours full: (exact host) and regexp rules', () => {
    expect(classifyHostFull('api.carrotquest.io')).toMatchObject({ kind: 'full' });
    expect(classifyHostFull('x.api.carrotquest.io')).toBeNull();
    expect(classifyHostFull('speed.coe.ad.abc.prod.hosts.ooklaserver.net')).toMatchObject({ kind: 'regexp' });
    expect(classifyHostFull('speed.coe.ad.prod.hosts.ooklaserver.net')).toBeNull();
  });

  it('excludes HTTPDNS resolvers and matches on label boundaries', () => {
    expect(classifyHostFull('httpdns.baidu.com')).toBeNull();
    expect(classifyHostFull('dns.weixin.qq.com')).toBeNull();
    expect(FULL_HOST_ROWS.some((r) => r[4].includes('category-httpdns-cn'))).toBe(false);
    expect(classifyHostFull('notgoogle-analytics.com')).toBeNull();
    expect(classifyHostFull('WWW.Google-Analytics.com.:443')).toMatchObject({ category: 'analytics' });
    expect(classifyHostFull('')).toBeNull();
  });
});
