import { describe, expect, it } from 'vitest';
import { MAX_CONFIG_SIZE } from '../../src/core/config/limits';
import { bootHints } from '../../src/loader/boot-hints';

describe('bootHints: what an unvalidated config may tell the loader', () => {
  it('reads assets URL, nonce and Trusted Types policy from JSON text or an object', () => {
    const config = {
      ui: { assetsUrl: 'https://cdn.example.com/consentry/', nonce: 'abc123==' },
      blocking: { trustedTypesPolicy: 'shop#ok' },
    };
    const expected = { assetsUrl: 'https://cdn.example.com/consentry/', nonce: 'abc123==', trustedTypesPolicy: 'shop#ok' };
    expect(bootHints(config)).toMatchObject(expected);
    expect(bootHints(JSON.stringify(config))).toMatchObject(expected);
  });

  it('drops each value the validator would refuse, keeping the others', () => {
    const hints = bootHints({ ui: { assetsUrl: 'javascript:alert(1)//', nonce: 'a b' }, blocking: { trustedTypesPolicy: 'x y' } });
    const none = { assetsUrl: undefined, nonce: undefined, trustedTypesPolicy: undefined };
    expect(hints).toMatchObject(none);
    expect(bootHints({ ui: { assetsUrl: 42, nonce: ['n'] } })).toMatchObject(none);
    expect(bootHints({ ui: { assetsUrl: '/static/consentry/', nonce: '<x>' } }).assetsUrl).toBe('/static/consentry/');
  });

  it('reads the consent cookie name and language (to fetch the banner early), each held to its pattern', () => {
    expect(bootHints({ cookie: { name: 'shop_consent' }, language: 'zh-Hans' })).toMatchObject({
      cookieName: 'shop_consent',
      language: 'zh-Hans',
    });
    expect(bootHints({ cookie: { name: 'a;b' }, language: '../../x' })).toMatchObject({ cookieName: undefined, language: undefined });
    expect(bootHints({ language: 'auto' }).language).toBe('auto');
  });

  it('reads rules and services leniently for classifying only, keeping auto-blocking on', () => {
    const { classifying } = bootHints({
      blocking: {
        autoBlock: false,
        rules: [{ match: 'ads.example', category: 'advertising' }, { match: 7 }, null, { match: '/own/', service: 'chat', category: 3 }],
      },
      services: [{ id: 'chat', category: 'analytics', hosts: ['chat.example', 5] }, { id: 'no-category' }, 'x'],
    });
    expect(classifying).toEqual({
      blocking: {
        autoBlock: true,
        rules: [
          { match: 'ads.example', category: 'advertising', service: undefined },
          { match: '/own/', category: undefined, service: 'chat' },
        ],
      },
      services: [{ id: 'chat', category: 'analytics', hosts: ['chat.example'] }],
    });
    expect(bootHints({ blocking: { rules: 'all' }, services: {} }).classifying).toEqual({
      blocking: { autoBlock: true, rules: [] },
      services: [],
    });
  });

  it('gives no hints for broken, empty or oversized input', () => {
    for (const input of ['{"ui":', 'null', '', null, undefined, 7]) {
      expect(Object.values(bootHints(input)).filter(Boolean)).toEqual([]);
    }
    const huge = JSON.stringify({ ui: { assetsUrl: '/a/' }, pad: 'x'.repeat(MAX_CONFIG_SIZE) });
    expect(bootHints(huge)).toEqual({});
  });
});

describe('bootHints: own properties only (issue 24 #3)', () => {
  it('a polluted Object.prototype supplies nothing the config left out', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.assetsUrl = 'https://evil.example/';
    proto.trustedAssetOrigins = ['https://evil.example'];
    proto.nonce = 'stolen';
    proto.ui = { assetsUrl: 'https://evil.example/' };
    try {
      for (const config of [{}, '{}', { ui: {} }, '{"ui":{}}']) {
        const hints = bootHints(config);
        expect(hints.assetsUrl).toBeUndefined();
        expect(hints.trustedAssetOrigins).toEqual([]);
        expect(hints.nonce).toBeUndefined();
      }
    } finally {
      for (const key of ['assetsUrl', 'trustedAssetOrigins', 'nonce', 'ui']) delete proto[key];
    }
  });

  it('reads the trusted asset origins, each held to the origin pattern', () => {
    const hints = bootHints({
      ui: { trustedAssetOrigins: ['https://cdn.example.com', 'https://x.example/path', 7, 'http://127.0.0.1:8080'] },
    });
    expect(hints.trustedAssetOrigins).toEqual(['https://cdn.example.com', 'http://127.0.0.1:8080']);
  });
});
