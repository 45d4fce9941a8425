import { describe, expect, it } from 'vitest';
import { parseCookieWrite } from '../../src/node/cli/page/cookie-write';
import { cdpInitiatorUrl, createInitiatorLog } from '../../src/node/cli/page/initiator-chain';
import { CONSENTRY_SCRIPT, pickScriptUrl } from '../../src/node/cli/page/pick-script-url';

describe('parseCookieWrite', () => {
  it('reads the name and the domain a write lands on', () => {
    expect(parseCookieWrite('_ga=GA1.1.2; path=/; max-age=63072000', 'https://www.example.com/page')).toEqual({
      name: '_ga',
      domain: 'www.example.com',
      deletes: false,
    });
    expect(parseCookieWrite('id=1; Domain=.Example.com; Path=/', 'https://www.example.com/')).toEqual({
      name: 'id',
      domain: 'example.com',
      deletes: false,
    });
    expect(parseCookieWrite('x=', 'http://127.0.0.1:4000/')?.domain).toBe('127.0.0.1');
  });
  it('knows a deletion (max-age 0 or an expiry in the past)', () => {
    expect(parseCookieWrite('_ga=; max-age=0', 'https://a.example/')?.deletes).toBe(true);
    expect(parseCookieWrite('_ga=; expires=Thu, 01 Jan 1970 00:00:00 GMT', 'https://a.example/')?.deletes).toBe(true);
    expect(parseCookieWrite('_ga=1; expires=Fri, 01 Jan 2100 00:00:00 GMT', 'https://a.example/')?.deletes).toBe(false);
  });
  it('ignores text that is not a cookie, keeps a nameless value', () => {
    expect(parseCookieWrite('justtext', 'https://a.example/')).toBeNull();
    expect(parseCookieWrite('=value', 'https://a.example/')?.name).toBe('');
  });
});

describe('initiator chains', () => {
  it('follows who loaded whom back to the page, nearest first, without cycles', () => {
    const log = createInitiatorLog();
    log.note('https://t.example/px.gif', 'https://t.example/tag.js');
    log.note('https://t.example/tag.js', 'https://gtm.example/gtm.js');
    log.note('https://gtm.example/gtm.js', 'https://site.example/');
    log.note('https://gtm.example/gtm.js', 'https://other.example/'); // the first word stands
    expect(log.chain('https://t.example/px.gif')).toEqual([
      'https://t.example/tag.js',
      'https://gtm.example/gtm.js',
      'https://site.example/',
    ]);
    log.note('https://a.example/a.js', 'https://b.example/b.js');
    log.note('https://b.example/b.js', 'https://a.example/a.js');
    expect(log.chain('https://a.example/a.js')).toEqual(['https://b.example/b.js']);
    expect(log.chain('https://unknown.example/')).toEqual([]);
  });
  it('takes the calling script from a CDP initiator, else the parser document', () => {
    expect(cdpInitiatorUrl({ type: 'script', stack: { callFrames: [{ url: '' }, { url: 'https://t.example/tag.js' }] } })).toBe(
      'https://t.example/tag.js',
    );
    expect(
      cdpInitiatorUrl({ type: 'script', stack: { callFrames: [], parent: { callFrames: [{ url: 'https://a.example/async.js' }] } } }),
    ).toBe('https://a.example/async.js');
    expect(cdpInitiatorUrl({ type: 'parser', url: 'https://site.example/' })).toBe('https://site.example/');
    expect(cdpInitiatorUrl(undefined)).toBe('');
  });
});

describe('pickScriptUrl', () => {
  it('blames the caller, not consentry wrapping document.cookie', () => {
    const stack = ['https://site.example/dist/consentry.min.js', 'https://t.example/tag.js', 'https://site.example/'];
    expect(pickScriptUrl(stack, CONSENTRY_SCRIPT)).toBe('https://t.example/tag.js');
    expect(pickScriptUrl(['https://cdn.example/consentry@1/dist/consentry.min.js'], CONSENTRY_SCRIPT)).toBe(
      'https://cdn.example/consentry@1/dist/consentry.min.js',
    );
    expect(pickScriptUrl([], CONSENTRY_SCRIPT)).toBe('');
    expect(CONSENTRY_SCRIPT.test('https://site.example/dist/consentry-ui.min.js')).toBe(true);
    // The lazy parts write the consent cookie through js-cookie: that write is consentry's own too.
    expect(CONSENTRY_SCRIPT.test('https://site.example/dist/consentry-parts.min.js')).toBe(true);
    expect(CONSENTRY_SCRIPT.test('https://site.example/js/consentry-helper-for-ads.js')).toBe(false);
  });
});
