import { describe, expect, it } from 'vitest';
import type { BlockingRule, ServiceSettings, Settings } from '../../src/core/config/types';
import { urlCategory } from '../../src/core/classify/url-category';

function service(id: string, category: string, hosts: string[] = []): ServiceSettings {
  return { id, category, name: id, provider: '', purpose: '', privacyPolicyUrl: '', cookies: [], storage: [], hosts };
}

function settings(rules: BlockingRule[], services: ServiceSettings[] = []): Settings {
  return {
    revision: 0,
    language: 'auto',
    categories: [],
    services,
    cookie: { name: 'consentry', domain: '', path: '/', sameSite: 'Lax', expiresDays: 182 },
    texts: {},
    ui: { layout: 'bar-bottom', theme: 'auto', floatingButton: true, closeButton: false, privacyPolicyUrl: '', nonce: '', assetsUrl: '' },
    regions: { default: 'opt-in', rules: [], source: '' },
    signals: { gpc: true, dnt: false },
    minors: { ask: false, thresholds: {} },
    crossBorder: null,
    blocking: {
      autoBlock: true,
      rules,
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

const PAGE = 'https://shop.example.cn/products/1?x=1';

describe('urlCategory', () => {
  it('classifies tracker URLs from the built-in host table', () => {
    expect(urlCategory('https://www.google-analytics.com/analytics.js', null)).toEqual({ category: 'analytics' });
    expect(urlCategory('https://hm.baidu.com/hm.js?e92c8d65', null, PAGE)).toEqual({ category: 'analytics' });
    expect(urlCategory('https://s4.cnzz.com/z_stat.php?id=1', null, PAGE)).toEqual({ category: 'analytics' });
    expect(urlCategory('https://connect.facebook.net/en_US/fbevents.js', null, PAGE)).toEqual({ category: 'advertising' });
    expect(urlCategory('https://cdn.example.net/app.js', null, PAGE)).toBeNull();
  });

  it('resolves relative and protocol-relative URLs against the base', () => {
    expect(urlCategory('//hm.baidu.com/hm.js?abc', null, PAGE)).toEqual({ category: 'analytics' });
    expect(urlCategory('//hm.baidu.com/hm.js?abc', null, 'http://example.cn/')).toEqual({ category: 'analytics' });
    expect(urlCategory('/static/app.js', null, PAGE)).toBeNull();
  });

  it('returns null for same-origin URLs, even on a tracker host, unless a rule matches', () => {
    expect(urlCategory('/hm.js', null, 'https://hm.baidu.com/page')).toBeNull();
    expect(urlCategory('https://shop.example.cn/js/sa.js', null, PAGE)).toBeNull();
    const s = settings([{ match: '/js/sa', category: 'analytics' }], [service('self', 'advertising', ['shop.example.cn'])]);
    expect(urlCategory('/js/sa.js', s, PAGE)).toEqual({ category: 'analytics' });
    // A service's hosts never claim the page's own origin: only an explicit rule does.
    expect(urlCategory('/js/app.js', s, PAGE)).toBeNull();
  });

  it('is case-insensitive on hosts and ignores a trailing dot', () => {
    expect(urlCategory('HTTPS://WWW.Google-Analytics.COM/ga.js', null)).toEqual({ category: 'analytics' });
    expect(urlCategory('https://www.google-analytics.com./ga.js', null)).toEqual({ category: 'analytics' });
    expect(urlCategory('https://notgoogle-analytics.com/ga.js', null)).toBeNull();
  });

  it('returns null for invalid or non-http URLs and never throws', () => {
    expect(urlCategory('http://[', null)).toBeNull();
    expect(urlCategory('', null)).toBeNull();
    expect(urlCategory('relative/path.js', null)).toBeNull();
    expect(urlCategory('x.js', null, 'not a url')).toBeNull();
    expect(urlCategory('https://hm.baidu.com/hm.js', null, 'not a url')).toBeNull();
    expect(urlCategory('javascript:alert(1)', null, PAGE)).toBeNull();
    expect(urlCategory('data:text/javascript,1', null, PAGE)).toBeNull();
    expect(urlCategory('blob:https://hm.baidu.com/1234', null, PAGE)).toBeNull();
    expect(urlCategory('about:blank', null, PAGE)).toBeNull();
  });

  it('lets site rules beat the built-in table', () => {
    const s = settings([
      { match: 'https://www.googletagmanager.com/gtag/js?id=AW-', category: 'advertising' },
      { match: 'connect.facebook.net/en_US/sdk.js', category: 'essential' },
      { match: 'hm.baidu.com', category: 'statistics' },
    ]);
    expect(urlCategory('https://www.googletagmanager.com/gtag/js?id=AW-123', s)).toEqual({ category: 'advertising' });
    expect(urlCategory('https://www.googletagmanager.com/gtag/js?id=G-123', s)).toEqual({ category: 'analytics' });
    expect(urlCategory('https://connect.facebook.net/en_US/sdk.js', s)).toEqual({ category: 'essential' });
    expect(urlCategory('https://connect.facebook.net/en_US/fbevents.js', s)).toEqual({ category: 'advertising' });
    expect(urlCategory('https://hm.baidu.com/hm.js?1', s, PAGE)).toEqual({ category: 'statistics' });
  });

  it('matches host rules on label boundaries, subdomains included', () => {
    const s = settings([{ match: 'video.example.org', category: 'media' }]);
    expect(urlCategory('https://video.example.org/embed/1', s)).toEqual({ category: 'media' });
    expect(urlCategory('https://player.video.example.org/embed/1', s)).toEqual({ category: 'media' });
    expect(urlCategory('https://notvideo.example.org/embed/1', s)).toBeNull();
    const wildcard = settings([{ match: '*.Example.org', category: 'media' }]);
    expect(urlCategory('https://cdn.example.org/x.js', wildcard)).toEqual({ category: 'media' });
  });

  it('matches URL-prefix rules written with a scheme, as //host or as host/path', () => {
    const https = settings([{ match: 'https://cdn.example.com/tags/', category: 'analytics' }]);
    expect(urlCategory('https://cdn.example.com/tags/a.js', https)).toEqual({ category: 'analytics' });
    expect(urlCategory('http://cdn.example.com/tags/a.js', https)).toBeNull();
    expect(urlCategory('https://cdn.example.com/lib/a.js', https)).toBeNull();
    const anyScheme = settings([{ match: '//cdn.example.com/tags/', category: 'analytics' }]);
    expect(urlCategory('http://cdn.example.com/tags/a.js', anyScheme)).toEqual({ category: 'analytics' });
    const bare = settings([{ match: 'cdn.example.com/tags/', category: 'analytics' }]);
    expect(urlCategory('https://cdn.example.com/tags/a.js', bare)).toEqual({ category: 'analytics' });
    expect(urlCategory('https://evil.example/cdn.example.com/tags/a.js', bare)).toBeNull();
    // A path rule needs the page's origin to compare with.
    const path = settings([{ match: '/tracking/', category: 'analytics' }]);
    expect(urlCategory('https://other.example/tracking/a.js', path, PAGE)).toBeNull();
    expect(urlCategory('https://shop.example.cn/tracking/a.js', path)).toBeNull();
  });

  it('resolves a rule naming a service to that service and its category', () => {
    const s = settings(
      [
        { match: 'tags.example.net', service: 'hotjar' },
        { match: 'ghost.example.net', service: 'missing' },
        { match: 'pinned.example.net', service: 'hotjar', category: 'advertising' },
      ],
      [service('hotjar', 'analytics')],
    );
    expect(urlCategory('https://tags.example.net/h.js', s)).toEqual({ category: 'analytics', service: 'hotjar' });
    expect(urlCategory('https://pinned.example.net/h.js', s)).toEqual({ category: 'advertising', service: 'hotjar' });
    // A rule whose service does not exist and that gives no category decides nothing.
    expect(urlCategory('https://ghost.example.net/h.js', s)).toBeNull();
  });

  it('uses the first matching rule', () => {
    const s = settings([
      { match: 'https://cdn.example.com/tags/ads/', category: 'advertising' },
      { match: 'cdn.example.com', category: 'analytics' },
    ]);
    expect(urlCategory('https://cdn.example.com/tags/ads/x.js', s)).toEqual({ category: 'advertising' });
    expect(urlCategory('https://cdn.example.com/tags/x.js', s)).toEqual({ category: 'analytics' });
  });

  it('classifies a service’s hosts before the built-in table', () => {
    const s = settings(
      [],
      [service('baidu-tongji', 'analytics', ['hm.baidu.com']), service('ga', 'measurement', ['google-analytics.com'])],
    );
    expect(urlCategory('https://hm.baidu.com/hm.js?1', s, PAGE)).toEqual({ category: 'analytics', service: 'baidu-tongji' });
    expect(urlCategory('https://www.google-analytics.com/analytics.js', s, PAGE)).toEqual({ category: 'measurement', service: 'ga' });
    expect(urlCategory('https://ssl.google-analytics.com/ga.js', s)).toEqual({ category: 'measurement', service: 'ga' });
    expect(urlCategory('https://pos.baidu.com/x', s, PAGE)).toEqual({ category: 'advertising' });
  });
});
