import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUi } from '../../src/ui/create-ui';
import { fakeContext, type Shown, showUi } from './fixtures';

let shown: Shown | undefined;
afterEach(() => {
  shown?.ui.unmount();
  shown = undefined;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('shadow host', () => {
  it('renders into the shadow root of one <consentry-ui>, first in <body>', async () => {
    document.body.innerHTML = '<header>site</header>';
    shown = await showUi('banner');
    expect(document.querySelectorAll('consentry-ui')).toHaveLength(1);
    expect(document.body.firstElementChild).toBe(shown.host);
    expect(shown.host.children).toHaveLength(0);
    expect(shown.root.querySelector('.banner')).not.toBeNull();
    expect(document.querySelector('.banner')).toBeNull();
  });

  it('adopts a constructed stylesheet where supported, adding no <style>', async () => {
    shown = await showUi('banner');
    expect(shown.root.adoptedStyleSheets).toHaveLength(1);
    expect(shown.root.querySelector('style')).toBeNull();
  });

  it('carries theme, language and direction on its container', async () => {
    shown = await showUi('banner', { config: { ui: { theme: 'dark' } } });
    const container = shown.root.querySelector<HTMLElement>('.r')!;
    expect(container.dataset.theme).toBe('dark');
    expect(container.lang).toBe('en');
  });

  it('falls back to a <style> with the site nonce where constructed stylesheets are missing', async () => {
    vi.stubGlobal('CSSStyleSheet', undefined);
    shown = await showUi('banner', { config: { ui: { nonce: 'r4nd0m' } } });
    const style = shown.root.querySelector('style')!;
    expect(style.nonce || style.getAttribute('nonce')).toBe('r4nd0m');
    expect(style.textContent).toContain('--consentry-bg');
  });

  it('reuses its host across views and shows', async () => {
    shown = await showUi('banner');
    await shown.ui.show(shown.ctx, 'preferences');
    await shown.ui.show(shown.ctx, 'banner');
    expect(document.querySelectorAll('consentry-ui')).toHaveLength(1);
  });

  it('unmount removes everything it added and restores the page', async () => {
    document.body.innerHTML = '<main></main>';
    shown = await showUi('preferences');
    expect(document.querySelector('main')!.hasAttribute('inert')).toBe(true);
    shown.ui.unmount();
    expect(document.querySelector('consentry-ui')).toBeNull();
    expect(document.querySelector('main')!.hasAttribute('inert')).toBe(false);
    expect(shown.ctx.emit).toHaveBeenCalledWith('hidden', { view: 'preferences' });
  });

  it('hide keeps the host, shows nothing and can show again', async () => {
    shown = await showUi('banner');
    shown.ui.hide();
    expect(shown.root.querySelector('.banner')).toBeNull();
    await shown.ui.show(shown.ctx, 'banner');
    expect(shown.root.querySelector('.banner')).not.toBeNull();
  });

  it('a hide() during a pack download wins over the show() that started it', async () => {
    const ui = createUi();
    const ctx = fakeContext({ language: 'de', packs: { de: { acceptAll: 'Alle akzeptieren' } } });
    const showing = ui.show(ctx, 'banner');
    ui.hide();
    await showing;
    const root = document.querySelector('consentry-ui')?.shadowRoot;
    expect(root?.querySelector('.banner') ?? null).toBeNull();
    ui.unmount();
  });
});
