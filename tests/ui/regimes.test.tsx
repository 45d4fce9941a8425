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
    expect(ctx.set).toHaveBeenCalledWith({ categories: { analytics: true, advertising: false } }, { via: 'dialog', lang: 'en' });
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

describe('cross-border transfer (PIPL art. 39)', () => {
  it('is a separate switch naming recipient, country, purpose, data and contact', async () => {
    const { screen } = await preferences({ config: { crossBorder: transfer } });
    const toggle = screen.getByRole('switch', { name: 'Transfer outside your country' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    const text = shown!.root.getElementById(toggle.getAttribute('aria-describedby')!)!.textContent!;
    for (const part of ['Example Cloud Inc.', 'United States', 'customer support', 'name, e-mail address', 'privacy@example.com'])
      expect(text).toContain(part);
  });

  it('is saved as choices.crossBorder', async () => {
    const { screen, click, ctx } = await preferences({ config: { crossBorder: transfer } });
    fireEvent.click(screen.getByRole('switch', { name: 'Transfer outside your country' }));
    click('Save choices');
    expect(ctx.set).toHaveBeenCalledWith({ categories: { analytics: false, advertising: false }, crossBorder: true }, { via: 'dialog', lang: 'en' });
  });

  it('is not bundled into Accept all', async () => {
    const { click, ctx } = await preferences({ config: { crossBorder: transfer } });
    click('Accept all');
    expect(ctx.acceptAll).toHaveBeenCalledTimes(1);
    expect(ctx.set).not.toHaveBeenCalled();
  });

  it('is kept when the visitor switched it on and then accepts all, and withdrawn by Reject all', async () => {
    const first = await preferences({ config: { crossBorder: transfer } });
    fireEvent.click(first.screen.getByRole('switch', { name: 'Transfer outside your country' }));
    first.click('Accept all');
    expect(first.ctx.acceptAll).toHaveBeenCalledWith({ via: 'dialog', lang: 'en', ageGroup: undefined, crossBorder: true, overrideSignal: false });
    first.ui.unmount();
    const second = await preferences({
      config: { crossBorder: transfer },
      state: { record: recordOf({ analytics: true }, { crossBorder: true }) },
    });
    expect(second.screen.getByRole('switch', { name: 'Transfer outside your country' }).getAttribute('aria-checked')).toBe('true');
    second.click('Reject all');
    expect(second.ctx.rejectAll).toHaveBeenCalledWith({ via: 'dialog', lang: 'en', ageGroup: undefined, crossBorder: false, overrideSignal: false });
  });

  it('is localized', async () => {
    const { screen } = await preferences({ config: { crossBorder: transfer }, language: 'zh' });
    const toggle = screen.getByRole('switch', { name: '向境外提供个人信息' });
    const text = shown!.root.getElementById(toggle.getAttribute('aria-describedby')!)!.textContent!;
    expect(text).toContain('位于美国的示例云公司');
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

  it("locks a minor's advertising off, saying it needs a parent's or guardian's consent", async () => {
    const { screen, click, ctx } = await preferences({ config: minors });
    const advertising = screen.getByRole('switch', { name: 'Advertising' });
    fireEvent.click(advertising);
    expect(advertising.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByLabelText('Under 16'));
    expect(advertising.getAttribute('aria-checked')).toBe('false');
    expect((advertising as HTMLButtonElement).disabled).toBe(true);
    screen.getByText(/Needs a parent's or guardian's consent/);
    click('Accept all');
    // The loader's policy keeps a minor's advertising refused whatever "Accept all" asks (src/core/policy/decide.ts).
    expect(ctx.acceptAll).toHaveBeenCalledWith({ via: 'dialog', lang: 'en', ageGroup: 'minor', crossBorder: false, overrideSignal: false });
  });

  it('saves the age group of an adult', async () => {
    const { screen, click, ctx } = await preferences({ config: minors });
    fireEvent.click(screen.getByLabelText('16 or older'));
    click('Save choices');
    expect(ctx.set).toHaveBeenCalledWith({ categories: { analytics: false, advertising: false }, ageGroup: 'adult' }, { via: 'dialog', lang: 'en' });
  });

  it('is not asked unless the site enables it', async () => {
    const { screen } = await preferences();
    expect(screen.queryByRole('group')).toBeNull();
  });
});
