import { fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UiView } from '../../src/core/policy/api';
import { type ContextOptions, type Shown, showUi } from './fixtures';

/**
 * Issue 19 §4: the CCPA/CPRA opt-out views a `data-consent-open="do-not-sell"` or `"limit-sensitive"` link
 * opens: a modal dialog of their own (not the cookie dialog), one statement, one button, localised.
 */
let shown: Shown | undefined;
afterEach(() => {
  shown?.ui.unmount();
  shown = undefined;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

async function open(view: UiView, options: ContextOptions = {}) {
  shown = await showUi(view, options);
  return { ...shown, screen: within(shown.root as unknown as HTMLElement) };
}

const optOutRegion = {
  regime: 'opt-out' as const,
  status: 'pending' as const,
  needsBanner: true,
  categories: { essential: true, analytics: true, advertising: true },
};

describe('"Do Not Sell or Share" view', () => {
  it('is a labelled modal dialog with its own statement and one button, not the cookie dialog', async () => {
    const { screen, root } = await open('do-not-sell', { state: optOutRegion, config: { ui: { privacyPolicyUrl: '/privacy' } } });
    const dialog = screen.getByRole('dialog', { name: 'Do Not Sell or Share My Personal Information' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(root.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).toContain(
      'which the law counts as selling or sharing it',
    );
    expect(screen.getByRole('link', { name: 'Privacy policy' }).getAttribute('href')).toBe('/privacy');
    // Nothing of the cookie dialog: no switches, no "Accept all".
    expect(screen.queryByRole('switch')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Accept all' })).toBeNull();
    expect(screen.queryByRole('dialog', { name: 'Privacy preferences' })).toBeNull();
  });

  it('"Opt out" records the opt-out through the context, from the view, in the shown language', async () => {
    const { screen, ctx } = await open('do-not-sell', { state: optOutRegion });
    fireEvent.click(screen.getByRole('button', { name: 'Opt out' }));
    expect(ctx.optOut).toHaveBeenCalledWith('do-not-sell', { via: 'opt-out-link', lang: 'en', textsHash: expect.any(String) });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(ctx.emit).toHaveBeenCalledWith('hidden', { view: 'do-not-sell' });
  });

  it('says the visitor has opted out, without the button, once sale and sharing are refused (GPC or an earlier opt-out)', async () => {
    const { screen, root } = await open('do-not-sell', {
      state: { ...optOutRegion, signal: 'gpc', gpc: true, categories: { essential: true, analytics: true, advertising: false } },
    });
    expect(root.getElementById('cy-od')!.textContent).toContain('You have opted out of the sale and sharing');
    expect(screen.queryByRole('button', { name: 'Opt out' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
  });

  it('Close and Escape leave it without deciding', async () => {
    const first = await open('do-not-sell', { state: { ...optOutRegion, needsBanner: false, status: 'decided' } });
    fireEvent.click(first.screen.getByRole('button', { name: 'Close' }));
    expect(first.screen.queryByRole('dialog')).toBeNull();
    first.ui.unmount();
    const second = await open('do-not-sell', { state: { ...optOutRegion, needsBanner: false, status: 'decided' } });
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(second.screen.queryByRole('dialog')).toBeNull();
    expect(second.ctx.optOut).not.toHaveBeenCalled();
    expect(second.ctx.set).not.toHaveBeenCalled();
  });

  it('keeps Tab inside and focuses the dialog', async () => {
    const { screen, root } = await open('do-not-sell', { state: optOutRegion });
    const dialog = screen.getByRole('dialog');
    expect(root.activeElement).toBe(dialog);
    const close = screen.getByRole('button', { name: 'Close' });
    close.focus();
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true, composed: true });
    close.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(true);
  });

  it('is in Chinese for a Chinese visitor', async () => {
    const { screen, root } = await open('do-not-sell', { state: optOutRegion, language: 'zh' });
    expect(screen.getByRole('dialog', { name: '请勿出售或共享我的个人信息' })).toBeTruthy();
    expect(root.getElementById('cy-od')!.textContent).toContain('法律将此视为出售或共享个人信息');
    expect(screen.getByRole('button', { name: '拒绝出售或共享' })).toBeTruthy();
    expect(root.querySelector('[lang=en]')).toBeNull();
  });
});

describe('"Limit the Use of My Sensitive Personal Information" view', () => {
  it('offers the limit, and records it as such', async () => {
    const { screen, ctx } = await open('limit-sensitive', {
      state: { ...optOutRegion, categories: { ...optOutRegion.categories, health: true } },
      config: { categories: [{ id: 'health', title: 'Health', description: 'Symptom checker' }], optOut: { sensitive: ['health'] } },
    });
    expect(screen.getByRole('dialog', { name: 'Limit the Use of My Sensitive Personal Information' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Limit the use' }));
    expect(ctx.optOut).toHaveBeenCalledWith('limit-sensitive', { via: 'opt-out-link', lang: 'en', textsHash: expect.any(String) });
  });

  it('with nothing mapped to it, warns the developer and still records the request', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { screen, ctx } = await open('limit-sensitive', { state: optOutRegion });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no `optOut.sensitive` categories'));
    fireEvent.click(screen.getByRole('button', { name: 'Limit the use' }));
    expect(ctx.optOut).toHaveBeenCalledWith('limit-sensitive', expect.anything());
  });

  it('is in Chinese for a Chinese visitor', async () => {
    const { screen } = await open('limit-sensitive', { state: optOutRegion, language: 'zh' });
    expect(screen.getByRole('dialog', { name: '限制使用我的敏感个人信息' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '限制使用' })).toBeTruthy();
  });
});
