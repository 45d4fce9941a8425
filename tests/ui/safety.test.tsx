import { within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { parseInline, plainText } from '../../src/ui/markup';
import { isSafeUrl } from '../../src/ui/safe-url';
import { type Shown, showUi } from './fixtures';

describe('isSafeUrl', () => {
  it.each([
    'https://example.com/a?b#c',
    'http://example.com',
    '/privacy',
    './privacy',
    '../p',
    '#top',
    '?x=1',
    'privacy.html',
    '//example.com/p',
  ])('allows %s', (url) => expect(isSafeUrl(url)).toBe(true));
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:x',
    '\u0000javascript:x',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'mailto:a@b.c',
    '',
  ])('refuses %j', (url) => expect(isSafeUrl(url)).toBe(false));
});

describe('parseInline', () => {
  it('turns the allow-list into pieces and leaves the rest as text', () => {
    expect(parseInline('See **our** [policy](https://example.com/p) or *ask*. <b>no</b>')).toEqual([
      'See ',
      { bold: ['our'] },
      ' ',
      { href: 'https://example.com/p', label: 'policy' },
      ' or ',
      { italic: ['ask'] },
      '. <b>no</b>',
    ]);
  });

  it('nests links inside bold', () => {
    expect(parseInline('**read [this](/p)**')).toEqual([{ bold: ['read ', { href: '/p', label: 'this' }] }]);
  });

  it('keeps only the label of an unsafe link', () => {
    expect(parseInline('[click](javascript:alert(1))')).toEqual(['click', ')']);
    expect(parseInline('[x](data:text/html;base64,PHNjcmlwdD4=)')).toEqual(['x']);
  });

  it('leaves unmatched markers alone', () => {
    expect(parseInline('2 * 3 = 6 and [not a link]')).toEqual(['2 * 3 = 6 and [not a link]']);
  });

  it('gives screen readers the words without markup', () => {
    expect(plainText(parseInline('**Hi** [there](/x), *you*'))).toBe('Hi there, you');
  });
});

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

let shown: Shown | undefined;
afterEach(() => {
  shown?.ui.unmount();
  shown = undefined;
  delete (window as { __pwned?: number }).__pwned;
});

describe('hostile config strings render inert', () => {
  it('in texts, titles, services, cookies, policy and cross-border fields', async () => {
    shown = await showUi('preferences', {
      config: {
        texts: {
          en: {
            preferencesTitle: HOSTILE,
            preferencesText: `${HOSTILE} [evil](javascript:window.__pwned=1) [ok](https://example.com)`,
          },
        },
        ui: { privacyPolicyUrl: 'https://example.com/privacy' },
        categories: [{ id: 'analytics', title: HOSTILE, description: '"><svg onload=window.__pwned=1>' }],
        services: [
          {
            id: 'bad',
            category: 'analytics',
            name: HOSTILE,
            provider: '<iframe src=javascript:alert(1)>',
            purpose: HOSTILE,
            privacyPolicyUrl: 'https://example.com/bad',
            cookies: [{ name: '<b>x</b>', duration: HOSTILE, purpose: HOSTILE }],
          },
        ],
        crossBorder: { recipient: HOSTILE, country: 'CN', purpose: HOSTILE, dataCategories: HOSTILE },
      },
    });
    const { root } = shown;
    root.querySelector<HTMLButtonElement>('.more')!.click();
    expect(root.querySelectorAll('script, img, iframe, svg, b')).toHaveLength(0);
    for (const element of root.querySelectorAll('*'))
      for (const attribute of element.attributes) {
        expect(attribute.name).not.toMatch(/^on/);
        expect(attribute.value).not.toMatch(/javascript:/i);
      }
    const screen = within(root as unknown as HTMLElement);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(HOSTILE);
    expect(screen.queryByRole('link', { name: 'evil' })).toBeNull();
    screen.getByText(/\[?evil/);
    expect(screen.getByRole('link', { name: 'ok' }).getAttribute('href')).toBe('https://example.com');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('a javascript: privacy policy URL gives no link at all', async () => {
    // The validator refuses such URLs already; the UI does not rely on it.
    shown = await showUi('banner');
    const settings = { ...shown.ctx.settings, ui: { ...shown.ctx.settings.ui, privacyPolicyUrl: 'javascript:alert(1)' } };
    shown.ui.unmount();
    const { createUi } = await import('../../src/ui/create-ui');
    const ui = createUi();
    await ui.show({ ...shown.ctx, settings }, 'banner');
    const root = document.querySelector('consentry-ui')!.shadowRoot!;
    expect(root.querySelector('a')).toBeNull();
    ui.unmount();
  });
});
