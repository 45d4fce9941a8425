/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above uses them
import { h } from 'preact';
import { cleanup, render, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { ServiceDetails } from '../../src/ui/components/service-details';
import { en } from '../../src/core/texts/en';
import zh from '../../src/core/texts/packs/zh';
import type { UiTexts } from '../../src/core/texts/page-texts';

afterEach(cleanup);

const { services } = validateConfig({
  services: [
    {
      id: 'mixpanel',
      category: 'analytics',
      name: 'Mixpanel',
      provider: 'Mixpanel, Inc.',
      purpose: 'Product analytics',
      cookies: [{ name: 'mp_', prefix: true, duration: '1 year' }],
      storage: [
        { key: 'mp_*_mixpanel', purpose: { en: 'Visitor id and properties', zh: '访客标识和属性' } },
        { key: 'mp_tab_id_', prefix: true, type: 'session' },
        { key: '__mpq_*', type: 'local' },
        { key: 'mixpanelBrowserDb', type: 'indexeddb', purpose: 'Session recordings waiting to be sent' },
      ],
    },
  ],
});

const rowsIn = (texts: UiTexts, lang: string) => {
  const { container } = render(<ServiceDetails id="d" labelledBy="t" hidden={false} services={services} texts={texts} lang={lang} />);
  return within(container as HTMLElement)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent));
};

describe('service details', () => {
  it('list the declared storage beside the cookies: kind and how long in the duration column', () => {
    expect(rowsIn(en as UiTexts, 'en')).toEqual([
      ['mp_*', 'Mixpanel, Inc.', 'Product analytics', '1 year'],
      ['mp_*_mixpanel', 'Mixpanel, Inc.', 'Visitor id and properties', 'localStorage/sessionStorage until deleted'],
      ['mp_tab_id_*', 'Mixpanel, Inc.', 'Product analytics', 'sessionStorage until the tab is closed'],
      ['__mpq_*', 'Mixpanel, Inc.', 'Product analytics', 'localStorage until deleted'],
      ['mixpanelBrowserDb', 'Mixpanel, Inc.', 'Session recordings waiting to be sent', 'IndexedDB until deleted'],
    ]);
  });

  it('in Chinese', () => {
    const rows = rowsIn({ ...en, ...zh } as UiTexts, 'zh');
    expect(rows[1]).toEqual(['mp_*_mixpanel', 'Mixpanel, Inc.', '访客标识和属性', 'localStorage/sessionStorage 直至删除']);
    expect(rows[2][3]).toBe('sessionStorage 关闭标签页即清除');
    expect(rows[4][3]).toBe('IndexedDB 直至删除');
  });
});
