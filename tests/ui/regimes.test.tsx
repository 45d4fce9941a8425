import { fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type ContextOptions, recordOf, type Shown, showUi } from './fixtures';

let shown: Shown | undefined;
afterEach(() => {
  shown?.ui.unmount();
  shown = undefined;
  document.body.innerHTML = '';
});

async function preferences(options: ContextOptions = {}) {
  shown = await showUi('preferences', options);
  const screen = within(shown.root as unknown as HTMLElement);
  return { ...shown, screen, click: (name: string) => fireEvent.click(screen.getByRole('button', { name })) };
}

const optOut = { regime: 'opt-out' as const, categories: { essential: true, analytics: true, advertising: true } };
const DNSS = 'Do Not Sell or Share My Personal Information';

describe('opt-out regions', () => {
  it('offer "Do Not Sell or Share", off while nothing was objected to', async () => {
    const { screen } = await preferences({ state: optOut });
    expect(screen.getByRole('switch', { name: DNSS }).getAttribute('aria-checked')).toBe('false');
    expect(screen.queryByText('Opt-out request honored')).toBeNull();
  });

  it('map "Do Not Sell or Share" to refusing advertising', async () => {
    const { screen, click, ctx } = await preferences({ state: optOut });
    fireEvent.click(screen.getByRole('switch', { name: DNSS }));
    expect(screen.getByRole('switch', { name: 'Advertising' }).getAttribute('aria-checked')).toBe('false');
    click('Save choices');
    expect(ctx.set).toHaveBeenCalledWith(
      { categories: { analytics: true, advertising: false } },
      { via: 'dialog', lang: 'en', textsHash: expect.any(String) },
    );
  });

  it('show GPC as an honoured opt-out', async () => {
    const { screen } = await preferences({
      state: { ...optOut, gpc: true, signal: 'gpc', categories: { essential: true, analytics: true, advertising: false } },
    });
    const dnss = screen.getByRole('switch', { name: DNSS });
    expect(dnss.getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('Opt-out request honored').id).toBe(dnss.getAttribute('aria-describedby'));
  });

  it('do not appear in opt-in regions', async () => {
    const { screen } = await preferences();
    expect(screen.queryByRole('switch', { name: DNSS })).toBeNull();
  });
});

const transfer = {
  recipient: { en: 'Example Cloud Inc.', zh: '示例云公司' },
  country: 'US',
  purpose: 'customer support',
  dataCategories: 'name, e-mail address',
  contact: 'privacy@example.com',
};

/** The art. 39 declaration of a transfer, as `separateConsents` takes it. */
const analyticsTransfer = {
  id: 'us-analytics',
  kind: 'transfer' as const,
  recipient: { en: 'Northstar Metrics, Inc.', zh: 'Northstar Metrics 公司' },
  country: 'US',
  contact: 'privacy@northstar.example',
  purpose: { en: 'Site analytics: page views.', zh: '站点分析：页面浏览。' },
  processingMethod: { en: 'Collected by a script in your browser and kept for 14 months.', zh: '由浏览器中的脚本收集，保存 14 个月。' },
  dataCategories: { en: 'A pseudonymous browser id.', zh: '假名化的浏览器标识。' },
  rights: {
    en: 'Write to privacy@northstar.example to see, correct or delete it.',
    zh: '发送邮件至 privacy@northstar.example 查阅、更正或删除。',
  },
};
const { country: _, ...domestic } = analyticsTransfer;
const separate = {
  separateConsents: [analyticsTransfer, { ...domestic, id: 'partner', kind: 'provision' as const, recipient: 'Partner Co.' }],
  services: [{ id: 'northstar', category: 'analytics', separateConsents: ['us-analytics', 'partner'] }],
};
const TRANSFER = 'Transfer outside your country';
const PROVISION = 'Sharing with another company';
const described = (toggle: HTMLElement) => shown!.root.getElementById(toggle.getAttribute('aria-describedby')!)!.textContent!;

describe('separate consents (PIPL arts. 23, 38–39)', () => {
  it('show one switch each, off, with the full art. 39 content of their recipient', async () => {
    const { screen } = await preferences({ config: separate, state: { region: 'CN' } });
    const toggle = screen.getByRole('switch', { name: TRANSFER });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    const text = described(toggle);
    for (const part of [
      'Northstar Metrics, Inc. in United States for Site analytics: page views. ',
      'Data concerned: A pseudonymous browser id. ',
      'How it is processed: Collected by a script in your browser and kept for 14 months.',
      'How to exercise your rights: Write to privacy@northstar.example to see, correct or delete it.',
      "Recipient's contact: privacy@northstar.example",
      '“Accept all” does not switch it on.',
    ])
      expect(text).toContain(part);
    expect(text).not.toMatch(/\.\./);
    expect(described(screen.getByRole('switch', { name: PROVISION }))).toContain(
      'provide your personal information to Partner Co. for Site analytics',
    );
  });

  it('are not shown where nothing requires them: an EU or a Californian visitor', async () => {
    for (const region of ['DE', 'US-CA']) {
      const { screen, ui } = await preferences({ config: separate, state: { region } });
      expect(screen.queryByRole('switch', { name: TRANSFER })).toBeNull();
      expect(screen.queryByText(/Northstar Metrics/)).toBeNull();
      ui.unmount();
    }
  });

  it('name their recipient in the heading when two of a kind are shown', async () => {
    const two = {
      separateConsents: [analyticsTransfer, { ...analyticsTransfer, id: 'eu-backup', recipient: 'Backup GmbH', country: 'DE' }],
      services: [{ id: 'northstar', category: 'analytics', separateConsents: ['us-analytics', 'eu-backup'] }],
    };
    const { screen } = await preferences({ config: two, state: { region: 'CN' } });
    screen.getByRole('switch', { name: TRANSFER + ' — Northstar Metrics, Inc.' });
    screen.getByRole('switch', { name: TRANSFER + ' — Backup GmbH' });
  });

  it('are saved as choices.consents, each explicitly', async () => {
    const { screen, click, ctx } = await preferences({ config: separate, state: { region: 'CN' } });
    fireEvent.click(screen.getByRole('switch', { name: TRANSFER }));
    click('Save choices');
    expect(ctx.set).toHaveBeenCalledWith(
      { categories: { analytics: false, advertising: false }, consents: { 'us-analytics': true, partner: false } },
      { via: 'dialog', lang: 'en', textsHash: expect.any(String) },
    );
  });

  it('are not switched on by "Accept all": on the banner no answer travels, in the dialog the switches as set', async () => {
    const { click, ctx } = await preferences({ config: separate, state: { region: 'CN' } });
    click('Accept all');
    expect(ctx.acceptAll).toHaveBeenCalledWith({
      via: 'dialog',
      lang: 'en',
      textsHash: expect.any(String),
      ageGroup: undefined,
      consents: { 'us-analytics': false, partner: false },
      overrideSignal: false,
    });
    expect(ctx.set).not.toHaveBeenCalled();
  });

  it('are kept when the visitor switched one on and then accepts all, and withdrawn by Reject all', async () => {
    const first = await preferences({ config: separate, state: { region: 'CN' } });
    fireEvent.click(first.screen.getByRole('switch', { name: TRANSFER }));
    first.click('Accept all');
    expect(first.ctx.acceptAll).toHaveBeenCalledWith(expect.objectContaining({ consents: { 'us-analytics': true, partner: false } }));
    first.ui.unmount();
    const second = await preferences({
      config: separate,
      state: { region: 'CN', record: recordOf({ analytics: true }, { consents: { 'us-analytics': true, partner: false } }) },
    });
    expect(second.screen.getByRole('switch', { name: TRANSFER }).getAttribute('aria-checked')).toBe('true');
    second.click('Reject all');
    expect(second.ctx.rejectAll).toHaveBeenCalledWith({
      via: 'dialog',
      lang: 'en',
      textsHash: expect.any(String),
      ageGroup: undefined,
      consents: undefined,
      overrideSignal: false,
    });
  });

  it('are localized, without doubled stops', async () => {
    const { screen } = await preferences({ config: separate, state: { region: 'CN' }, language: 'zh' });
    const text = described(screen.getByRole('switch', { name: '向境外提供个人信息' }));
    expect(text).toContain('位于美国的Northstar Metrics 公司，用于站点分析：页面浏览。');
    expect(text).toContain('处理方式：由浏览器中的脚本收集，保存 14 个月。');
    expect(text).toContain('行使权利的方式：发送邮件至 privacy@northstar.example 查阅、更正或删除。');
    expect(text).toContain('“全部接受”不会开启此项');
    expect(text).not.toMatch(/。。/);
    screen.getByRole('switch', { name: '向其他个人信息处理者提供' });
  });

  it('the legacy crossBorder still shows its switch, as the consent "cross-border"', async () => {
    const { screen, click, ctx } = await preferences({ config: { crossBorder: transfer }, state: { region: 'CN' } });
    const toggle = screen.getByRole('switch', { name: TRANSFER });
    for (const part of ['Example Cloud Inc.', 'United States', 'customer support', 'name, e-mail address', 'privacy@example.com'])
      expect(described(toggle)).toContain(part);
    fireEvent.click(toggle);
    click('Save choices');
    expect(ctx.set).toHaveBeenCalledWith(
      { categories: { analytics: false, advertising: false }, consents: { 'cross-border': true } },
      { via: 'dialog', lang: 'en', textsHash: expect.any(String) },
    );
  });
});

describe('minors', () => {
  const minors = { minors: { ask: true } };

  it('asks the age group with nothing pre-selected, using the region threshold', async () => {
    const { screen } = await preferences({ config: minors, state: { region: 'CN-31' } });
    const group = screen.getByRole('group', { name: 'Your age group' });
    const radios = within(group).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((radio) => radio.checked)).toEqual([false, false]);
    within(group).getByLabelText('14 or older');
    within(group).getByLabelText('Under 14');
  });

  it('saves the age group of an adult', async () => {
    const { screen, click, ctx } = await preferences({ config: minors });
    fireEvent.click(screen.getByLabelText('16 or older'));
    click('Save choices');
    expect(ctx.set).toHaveBeenCalledWith(
      { categories: { analytics: false, advertising: false }, ageGroup: 'adult' },
      { via: 'dialog', lang: 'en', textsHash: expect.any(String) },
    );
  });

  it('is not asked unless the site enables it', async () => {
    const { screen } = await preferences();
    expect(screen.queryByRole('group')).toBeNull();
  });
});
