import { fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Texts } from '../../src/core/config/types';
import { createUi } from '../../src/ui/create-ui';
import ar from '../../src/core/texts/packs/ar';
import de from '../../src/core/texts/packs/de';
import zh from '../../src/core/texts/packs/zh';
import { type ContextOptions, fakeContext, type Shown, showUi } from './fixtures';

let shown: Shown | undefined;
afterEach(() => {
  shown?.ui.unmount();
  shown = undefined;
});

async function show(view: 'banner' | 'preferences', options: ContextOptions) {
  shown = await showUi(view, options);
  const container = shown.root.querySelector<HTMLElement>('.r')!;
  return { ...shown, container, screen: within(shown.root as unknown as HTMLElement) };
}

describe('languages', () => {
  it('Chinese comes from its pack', async () => {
    const { screen, container, ctx } = await show('banner', { language: 'zh' });
    expect(ctx.loadLanguage).toHaveBeenCalledWith('zh');
    screen.getByRole('region', { name: '本网站使用 Cookie' });
    for (const name of ['全部接受', '全部拒绝', '自定义设置']) screen.getByRole('button', { name });
    expect(container.lang).toBe('zh');
    expect(container.dir).toBe('ltr');
  });

  it('shows nothing until the pack has come: no English first', async () => {
    const ui = createUi();
    const ctx = fakeContext({ language: 'zh' });
    let arrive!: (pack: Partial<Texts>) => void;
    ctx.loadLanguage.mockReturnValueOnce(new Promise((resolve) => (arrive = resolve)));
    const showing = ui.show(ctx, 'banner');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(document.querySelector('consentry-ui')).toBeNull();
    arrive(zh);
    await showing;
    shown = { ui, ctx, root: document.querySelector('consentry-ui')!.shadowRoot!, host: document.querySelector('consentry-ui')! };
    within(shown.root as unknown as HTMLElement).getByRole('button', { name: '全部接受' });
  });

  it('a failed Chinese pack shows English, and is asked for again next time', async () => {
    const ui = createUi();
    const ctx = fakeContext({ language: 'zh' });
    ctx.loadLanguage.mockRejectedValueOnce(new Error('offline'));
    await ui.show(ctx, 'banner');
    const root = document.querySelector('consentry-ui')!.shadowRoot!;
    shown = { ui, ctx, root, host: document.querySelector('consentry-ui')! };
    within(root as unknown as HTMLElement).getByRole('button', { name: 'Accept all' });
    expect(root.querySelector('.r')!.getAttribute('lang')).toBe('en');
    ui.hide();
    await ui.show(ctx, 'banner');
    within(root as unknown as HTMLElement).getByRole('button', { name: '全部接受' });
    expect(ctx.loadLanguage).toHaveBeenCalledTimes(2);
  });

  it('asks for a pack once while it is at hand', async () => {
    const { ui, ctx } = await show('banner', { language: 'zh' });
    ui.hide();
    await ui.show(ctx, 'preferences');
    expect(ctx.loadLanguage).toHaveBeenCalledTimes(1);
  });

  it('joins Chinese sentences without a space and lists purposes with 和', async () => {
    const { screen } = await show('banner', { language: 'zh' });
    const text = screen.getByText(/经您同意/).textContent!;
    expect(text).toContain('语言设置。经您同意');
    expect(text).toContain('使用日志）和广告（');
  });

  it('loads other languages on demand', async () => {
    const { screen, container, ctx } = await show('banner', { language: 'de', packs: { de } });
    expect(ctx.loadLanguage).toHaveBeenCalledWith('de');
    screen.getByRole('button', { name: 'Alle akzeptieren' });
    screen.getByRole('button', { name: 'Alle ablehnen' });
    expect(container.lang).toBe('de');
  });

  it('falls back to English, and says so in lang, when a pack is missing', async () => {
    const { screen, container } = await show('banner', { language: 'sw' });
    screen.getByRole('button', { name: 'Accept all' });
    expect(container.lang).toBe('en');
  });

  it('falls back to English when loading fails', async () => {
    shown = await showUi('banner', { language: 'fr', packs: {} });
    shown.ui.unmount();
    shown.ctx.loadLanguage.mockRejectedValueOnce(new Error('offline'));
    await shown.ui.show(shown.ctx, 'banner');
    const root = document.querySelector('consentry-ui')!.shadowRoot!;
    within(root as unknown as HTMLElement).getByRole('button', { name: 'Accept all' });
  });

  it('fills keys a pack lacks from English', async () => {
    const { screen } = await show('banner', { language: 'de', packs: { de: { acceptAll: 'Alle akzeptieren' } } });
    screen.getByRole('button', { name: 'Alle akzeptieren' });
    screen.getByRole('button', { name: 'Reject all' });
  });

  it("lets the site's texts override built-in ones for that language only", async () => {
    const config = { texts: { en: { acceptAll: 'Allow all' }, zh: { bannerTitle: '我们的 Cookie' } } };
    const chinese = await show('banner', { language: 'zh', config });
    chinese.screen.getByRole('region', { name: '我们的 Cookie' });
    chinese.screen.getByRole('button', { name: '全部接受' });
    chinese.ui.unmount();
    const english = await show('banner', { language: 'en', config });
    english.screen.getByRole('button', { name: 'Allow all' });
  });

  it('uses the site texts of a language without a pack', async () => {
    const { screen, container } = await show('banner', {
      language: 'sv',
      config: { texts: { sv: { acceptAll: 'Godkänn alla', rejectAll: 'Avvisa alla' } } },
    });
    screen.getByRole('button', { name: 'Godkänn alla' });
    expect(container.lang).toBe('sv');
  });

  it('lays Arabic out right to left', async () => {
    const { screen, container } = await show('preferences', { language: 'ar', packs: { ar } });
    expect(container.dir).toBe('rtl');
    expect(container.lang).toBe('ar');
    screen.getByRole('dialog', { name: 'تفضيلات الخصوصية' });
  });

  it('switches language when shown again with another', async () => {
    const { ui, ctx, screen, container } = await show('banner', { language: 'en' });
    await ui.show({ ...ctx, language: 'zh' }, 'banner');
    screen.getByRole('button', { name: '全部接受' });
    expect(container.lang).toBe('zh');
  });

  it('formats the date of the choice in the language shown', async () => {
    const { recordOf } = await import('./fixtures');
    const { screen } = await show('preferences', { language: 'zh', state: { record: recordOf({}) } });
    screen.getByText(/2025年3月14日/);
  });

  it('keeps switches working in every language', async () => {
    const { screen } = await show('preferences', { language: 'zh' });
    const analytics = screen.getByRole('switch', { name: '分析' });
    fireEvent.click(analytics);
    expect(analytics.getAttribute('aria-checked')).toBe('true');
  });
});
