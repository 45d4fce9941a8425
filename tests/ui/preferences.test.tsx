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
  const switchOf = (name: string | RegExp) => screen.getByRole('switch', { name });
  const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
  return { ...shown, screen, switchOf, click };
}

const decided = { record: recordOf({ analytics: true, advertising: false }) };

describe('preferences dialog', () => {
  it('is a modal dialog, labelled and described, that takes focus', async () => {
    const { screen, root } = await preferences();
    const dialog = screen.getByRole('dialog', { name: 'Privacy preferences' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(root.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).toMatch(/Choose which cookies/);
    expect(root.activeElement).toBe(dialog);
  });

  it('has one section per category with built-in texts when config leaves them empty', async () => {
    const { screen } = await preferences();
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Essential', 'Analytics', 'Advertising']);
    screen.getByText(/page-view beacons and usage logs/);
  });

  it('uses config titles and descriptions, localized', async () => {
    const { screen } = await preferences({
      config: { categories: [{ id: 'analytics', title: { en: 'Statistics', zh: '统计' }, description: 'Counting visits' }] },
    });
    screen.getByRole('switch', { name: 'Statistics' });
    screen.getByText('Counting visits');
  });

  it('allows links and emphasis in category descriptions', async () => {
    const { screen } = await preferences({
      config: { categories: [{ id: 'analytics', description: 'See **our** [statistics notice](https://example.com/stats).' }] },
    });
    expect(screen.getByRole('link', { name: 'statistics notice' }).getAttribute('href')).toBe('https://example.com/stats');
    expect(screen.getByText('our').tagName).toBe('STRONG');
  });

  it('shows essential as always on and locked', async () => {
    const { screen, switchOf } = await preferences();
    const essential = switchOf('Essential');
    expect(essential.getAttribute('aria-checked')).toBe('true');
    expect((essential as HTMLButtonElement).disabled).toBe(true);
    screen.getByText('Always on');
  });

  it('starts with every optional switch off on a first visit (never pre-ticked)', async () => {
    const { switchOf } = await preferences();
    expect(switchOf('Analytics').getAttribute('aria-checked')).toBe('false');
    expect(switchOf('Advertising').getAttribute('aria-checked')).toBe('false');
  });

  it('shows what the visitor granted before', async () => {
    const { switchOf } = await preferences({ state: decided });
    expect(switchOf('Analytics').getAttribute('aria-checked')).toBe('true');
    expect(switchOf('Advertising').getAttribute('aria-checked')).toBe('false');
  });

  it('toggles a switch without deciding anything', async () => {
    const { switchOf, ctx } = await preferences();
    fireEvent.click(switchOf('Analytics'));
    expect(switchOf('Analytics').getAttribute('aria-checked')).toBe('true');
    fireEvent.click(switchOf('Analytics'));
    expect(switchOf('Analytics').getAttribute('aria-checked')).toBe('false');
    expect(ctx.set).not.toHaveBeenCalled();
    expect(ctx.acceptAll).not.toHaveBeenCalled();
  });

  it('Save sends exactly the switched categories', async () => {
    const { switchOf, click, ctx, root } = await preferences();
    fireEvent.click(switchOf('Advertising'));
    click('Save choices');
    expect(ctx.set).toHaveBeenCalledTimes(1);
    expect(ctx.set).toHaveBeenCalledWith(
      { categories: { analytics: false, advertising: true } },
      { via: 'dialog', lang: 'en', textsHash: expect.any(String) },
    );
    expect(root.querySelector('[role=dialog]')).toBeNull();
  });

  it('Accept all and Reject all decide everything with the plain actions', async () => {
    const first = await preferences();
    first.click('Accept all');
    expect(first.ctx.acceptAll).toHaveBeenCalledTimes(1);
    first.ui.unmount();
    const second = await preferences({ state: decided });
    second.click('Reject all');
    expect(second.ctx.rejectAll).toHaveBeenCalledTimes(1);
    expect(second.ctx.set).not.toHaveBeenCalled();
  });

  it('unfolds services and their cookie table', async () => {
    const { screen } = await preferences();
    const more = screen
      .getAllByRole('button', { name: 'Services and cookies (1)' })
      .find((button) => button.getAttribute('aria-controls') == 'cy-s-analytics')!;
    expect(more.getAttribute('aria-expanded')).toBe('false');
    const panel = shown!.root.getElementById(more.getAttribute('aria-controls')!)!;
    expect(panel.hidden).toBe(true);
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    const table = within(panel).getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Cookie', 'Provider', 'Purpose', 'Duration']);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual(['_gaGoogle LLCDistinguishes visitors2 years', '_ga_*Google LLCCounts visits and page views2 years']);
    within(panel).getByText('Google Analytics');
    expect(within(panel).getByRole('link', { name: 'Privacy policy' }).getAttribute('href')).toBe('https://policies.google.com/privacy');
  });

  it('shows the consent id and the date of the choice', async () => {
    const { screen } = await preferences({ state: decided });
    screen.getByText('c0ffee-1234');
    screen.getByText('Consent ID');
    screen.getByText(/March 14, 2025/);
  });

  it('shows no consent id before any choice', async () => {
    const { screen } = await preferences();
    expect(screen.queryByText('Consent ID')).toBeNull();
  });

  it('Escape closes without deciding and returns to the banner while a choice is still needed', async () => {
    const { screen, ctx, root } = await preferences();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(ctx.acceptAll).not.toHaveBeenCalled();
    expect(ctx.set).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
    screen.getByRole('region', { name: 'Cookies on this site' });
    expect(root.activeElement!.textContent).toBe('Customize');
  });

  it('Escape still works after focus left the dialog (a click on the backdrop)', async () => {
    const { screen, ctx } = await preferences({ state: decided });
    (document.activeElement as HTMLElement | null)?.blur();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(ctx.set).not.toHaveBeenCalled();
  });

  it('× closes like Escape', async () => {
    const { screen, click, ctx } = await preferences({ state: decided });
    click('Close');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('region')).toBeNull();
    expect(ctx.set).not.toHaveBeenCalled();
  });

  it('returns focus to the element that opened it, and frees the page', async () => {
    document.body.innerHTML = '<main><a href="#" id="opener" data-consent-open>Cookie settings</a></main>';
    document.getElementById('opener')!.focus();
    const { screen } = await preferences({ state: decided });
    expect(document.querySelector('main')!.hasAttribute('inert')).toBe(true);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(document.querySelector('main')!.hasAttribute('inert')).toBe(false);
    expect(document.activeElement!.id).toBe('opener');
  });

  it('falls back to the reopen button when the opener is gone', async () => {
    const { click, root } = await preferences({ state: decided });
    const reopen = document.createElement('button');
    reopen.setAttribute('data-consentry-reopen', '');
    document.body.append(reopen);
    click('Save choices');
    expect(root.querySelector('[role=dialog]')).toBeNull();
    expect(document.activeElement).toBe(reopen);
  });

  it('traps Tab: from the last control to the first and back', async () => {
    const { screen, root } = await preferences();
    const close = screen.getByRole('button', { name: 'Close' });
    const save = screen.getByRole('button', { name: 'Save choices' });
    save.focus();
    fireEvent.keyDown(save, { key: 'Tab' });
    expect(root.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(root.activeElement).toBe(save);
  });

  it('reflects a decision made elsewhere by closing', async () => {
    const { ctx, root } = await preferences();
    ctx.rejectAll();
    expect(root.querySelector('[role=dialog]')).toBeNull();
  });
});
