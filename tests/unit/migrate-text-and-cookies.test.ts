import { describe, expect, it } from 'vitest';
import { cookieDomain, cookieNames } from '../../src/node/migrate/cookie-names';
import { htmlToText, linksIn } from '../../src/node/migrate/html-text';
import { privacyLink } from '../../src/node/migrate/privacy-link';
import { toId } from '../../src/node/migrate/to-id';

describe('cookieNames', () => {
  it.each([
    [/^_ga/, [{ name: '_ga', prefix: true }]],
    [/^_pk_.*$/, [{ name: '_pk_', prefix: true }]],
    [/^_pk_.*/, [{ name: '_pk_', prefix: true }]],
    [
      /^(_ga|_gid)/,
      [
        { name: '_ga', prefix: true },
        { name: '_gid', prefix: true },
      ],
    ],
    [/^(?:IDE|test_cookie)$/, [{ name: 'IDE' }, { name: 'test_cookie' }]],
    [/^_hjSession\.id$/, [{ name: '_hjSession.id' }]],
    ['_gid', [{ name: '_gid' }]],
    ['_ga_*', [{ name: '_ga_', prefix: true }]],
  ] as const)('%s', (pattern, names) => {
    expect(cookieNames(pattern)).toEqual(names);
  });

  it.each([/_ga/, /^_ga\d+/, /^[a-z]+$/, /^_ga/i, /^a|b$/])('cannot express %s', (pattern) => {
    expect(cookieNames(pattern)).toBeNull();
  });

  it('refuses names that could add a cookie attribute', () => {
    expect(cookieNames('a;b')).toBeNull();
    expect(cookieNames('')).toBeNull();
  });

  it('takes cookie domains without their leading dot, and only host names', () => {
    expect(cookieDomain('.example.com')).toBe('example.com');
    expect(cookieDomain('localhost')).toBe('localhost');
    expect(cookieDomain('https://example.com')).toBeUndefined();
    expect(cookieDomain(3)).toBeUndefined();
  });
});

describe('htmlToText', () => {
  it('drops markup, decodes entities and collapses space', () => {
    expect(htmlToText('<p>We use <b>cookies</b> &amp; similar&nbsp;tech.</p><p>Second&#33; &#x263A;</p>')).toEqual({
      text: 'We use cookies & similar tech. Second! ☺',
      hadMarkup: true,
    });
    expect(htmlToText('plain 1 < 2')).toEqual({ text: 'plain 1 < 2', hadMarkup: false });
  });

  it("drops the links that only drove the old tool's UI, with their words", () => {
    expect(htmlToText('Read this. <a href="#" data-cc="show-preferencesModal" class="cc__link">Manage preferences</a>').text).toBe(
      'Read this.',
    );
    expect(htmlToText('Change <button data-klaro-trigger="manager">settings</button> here').text).toBe('Change here');
  });

  it('never leaves a tag behind, even a broken one', () => {
    expect(htmlToText('<img src=x onerror=alert(1)>hi<script>x</script>').text).toBe('hix');
  });
});

describe('links', () => {
  it('finds the privacy policy among links by their words or their URL, never a bare fragment', () => {
    const links = linksIn('<a href="#top">Privacy</a> <a href=\'/imprint\'>Imprint</a> <a href="/legal/datenschutz">Hier</a>');
    expect(links.map((l) => l.href)).toEqual(['#top', '/imprint', '/legal/datenschutz']);
    expect(privacyLink(links)).toBe('/legal/datenschutz');
    expect(privacyLink(linksIn('<a href="javascript:alert(1)">Privacy policy</a>'))).toBeUndefined();
  });
});

describe('toId', () => {
  it.each([
    ['Google Analytics', 'google-analytics'],
    ['inlineTracker', 'inlinetracker'],
    ['  --Ads__2--  ', 'ads-2'],
    ['統計', ''],
    ['x'.repeat(50), 'x'.repeat(40)],
  ])('%s → %s', (name, id) => expect(toId(name)).toBe(id));
});
