import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostCategory } from '../../src/core/classify/host-category';
import { ADVERTISING_HOSTS, ANALYTICS_HOSTS } from '../../src/core/classify/tables/loader-hosts';

describe('hostCategory', () => {
  it('matches a table host and its subdomains', () => {
    expect(hostCategory('google-analytics.com')).toBe('analytics');
    expect(hostCategory('www.google-analytics.com')).toBe('analytics');
    expect(hostCategory('region1.analytics.google.com')).toBe('analytics');
    expect(hostCategory('stats.g.doubleclick.net')).toBe('advertising');
    expect(hostCategory('pagead2.googlesyndication.com')).toBe('advertising');
  });

  it('matches on label boundaries only', () => {
    expect(hostCategory('notgoogle-analytics.com')).toBeNull();
    expect(hostCategory('google-analytics.com.evil.example')).toBeNull();
    expect(hostCategory('analytics.com')).toBeNull();
    expect(hostCategory('xcnzz.com')).toBeNull();
    expect(hostCategory('ahm.baidu.com')).toBeNull();
    expect(hostCategory('google.com')).toBeNull();
  });

  it('is case-insensitive and ignores a port and a trailing dot', () => {
    expect(hostCategory('WWW.Google-Analytics.COM')).toBe('analytics');
    expect(hostCategory('www.google-analytics.com.')).toBe('analytics');
    expect(hostCategory('hm.baidu.com:443')).toBe('analytics');
    expect(hostCategory('HM.BAIDU.COM.:8080')).toBe('analytics');
  });

  it('knows the Chinese services the seed companies’ visitors meet', () => {
    // Baidu Tongji and Baidu's ad network
    expect(hostCategory('hm.baidu.com')).toBe('analytics');
    expect(hostCategory('pos.baidu.com')).toBe('advertising');
    expect(hostCategory('cpro.baidustatic.com')).toBe('advertising');
    expect(hostCategory('www.baidu.com')).toBeNull();
    // CNZZ / Umeng: every statistics subdomain
    for (const host of [
      's4.cnzz.com',
      's95.cnzz.com',
      'c.cnzz.com',
      'w.cnzz.com',
      'z.cnzz.com',
      'v1.cnzz.com',
      'umeng.com',
      'alog.umeng.com',
    ]) {
      expect(hostCategory(host), host).toBe('analytics');
    }
    // Tencent analytics vs Tencent ads vs the rest of qq.com
    for (const host of ['tajs.qq.com', 'pingjs.qq.com', 'sngmta.qq.com', 'beacon.qq.com'])
      expect(hostCategory(host), host).toBe('analytics');
    for (const host of ['gdt.qq.com', 'e.qq.com', 'qzs.gdt.qq.com', 'pgdt.gtimg.cn']) expect(hostCategory(host), host).toBe('advertising');
    expect(hostCategory('qq.com')).toBeNull();
    expect(hostCategory('www.qq.com')).toBeNull();
    // Alimama / Tanx and Alibaba's aplus tracker, but not Alibaba's general CDN
    for (const host of ['tanx.com', 'g.tanx.com', 'alimama.com', 'log.mmstat.com', 'atanx.alicdn.com'])
      expect(hostCategory(host), host).toBe('advertising');
    expect(hostCategory('g.alicdn.com')).toBeNull();
    // Ocean Engine / ByteDance
    expect(hostCategory('analytics.oceanengine.com')).toBe('advertising');
    // The vendor catalogue lists oceanengine.com whole (its ad platform's own domain), and it decides.
    expect(hostCategory('ad.oceanengine.com')).toBe('advertising');
    expect(hostCategory('mcs.snssdk.com')).toBe('analytics');
    // GrowingIO, Sensors Data, 51.LA, 360
    expect(hostCategory('assets.giocdn.com')).toBe('analytics');
    expect(hostCategory('api.growingio.com')).toBe('analytics');
    expect(hostCategory('static.sensorsdata.cn')).toBe('analytics');
    expect(hostCategory('js.users.51.la')).toBe('analytics');
    expect(hostCategory('fenxi.360.cn')).toBe('analytics');
    expect(hostCategory('lianmeng.360.cn')).toBe('advertising');
    expect(hostCategory('www.360.cn')).toBeNull();
  });

  it('knows the global tag hosts', () => {
    expect(hostCategory('www.googletagmanager.com')).toBe('analytics'); // tag manager: gated as analytics by default
    expect(hostCategory('connect.facebook.net')).toBe('advertising');
    expect(hostCategory('www.facebook.com')).toBeNull();
    expect(hostCategory('www.clarity.ms')).toBe('analytics');
    expect(hostCategory('bat.bing.com')).toBe('advertising');
    expect(hostCategory('www.bing.com')).toBeNull();
    expect(hostCategory('analytics.tiktok.com')).toBe('advertising');
    expect(hostCategory('www.tiktok.com')).toBeNull();
    expect(hostCategory('snap.licdn.com')).toBe('advertising');
    expect(hostCategory('static.ads-twitter.com')).toBe('advertising');
    expect(hostCategory('static.hotjar.com')).toBe('analytics');
    expect(hostCategory('static.criteo.net')).toBe('advertising');
    expect(hostCategory('cdn.taboola.com')).toBe('advertising');
    expect(hostCategory('mc.yandex.ru')).toBe('analytics');
    expect(hostCategory('c.amazon-adsystem.com')).toBe('advertising');
  });

  it('leaves HTTPDNS resolvers and plain hosts alone', () => {
    expect(hostCategory('httpdns.baidu.com')).toBeNull();
    expect(hostCategory('dns.weixin.qq.com')).toBeNull();
    expect(hostCategory('')).toBeNull();
    expect(hostCategory('localhost')).toBeNull();
    expect(hostCategory('127.0.0.1')).toBeNull();
    expect(hostCategory('[::1]:8080')).toBeNull();
  });

  it('maps every table host, and any subdomain of it, to its category', () => {
    const entries = [
      ...ANALYTICS_HOSTS.split(' ').map((h) => [h, 'analytics'] as const),
      ...ADVERTISING_HOSTS.split(' ').map((h) => [h, 'advertising'] as const),
    ];
    expect(new Set(entries.map(([h]) => h)).size).toBe(entries.length);
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);
    fc.assert(
      fc.property(fc.constantFrom(...entries), label, ([host, category], sub) => {
        expect(hostCategory(host)).toBe(category);
        expect(hostCategory(`${sub}.${host}`)).toBe(category);
      }),
    );
  });
});
