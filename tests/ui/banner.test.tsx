import { fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Layout } from '../../src/core/config/types';
import { type Shown, showUi } from './fixtures';

let shown: Shown | undefined;
afterEach(() => {
  shown?.ui.unmount();
  shown = undefined;
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('style');
  document.documentElement.style.cssText = '';
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function banner(options: Parameters<typeof showUi>[1] = {}) {
  shown = await showUi('banner', options);
  return { ...shown, screen: within(shown.root as unknown as HTMLElement) };
}

describe('banner', () => {
  it('is a labelled, described region with the three actions', async () => {
    const { screen } = await banner();
    const region = screen.getByRole('region', { name: 'Cookies on this site' });
    expect(region.getAttribute('aria-describedby')).toBe('cy-bd');
    expect(screen.getByText(/for sign-in, security and fraud prevention/).id).toBe('cy-bd');
    for (const name of ['Accept all', 'Reject all', 'Customize']) screen.getByRole('button', { name });
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();
  });

  it('says what the optional categories are for, as configured', async () => {
    const { screen } = await banner();
    const text = screen.getByText(/With your consent/).textContent!;
    expect(text).toContain('analytics (site analytics, page-view beacons, usage logs)');
    expect(text).toContain('advertising (personalised ads, ad banners, tracking by advertisers)');
  });

  it('lists only the categories the site has', async () => {
    const { screen } = await banner({ config: { categories: [{ id: 'social', title: 'social media' }] } });
    expect(screen.getByText(/With your consent/).textContent).toMatch(/usage logs\), .*advertisers\),? and social media\./);
  });

  it('gives Accept all and Reject all the same look and rank', async () => {
    const { screen } = await banner();
    const accept = screen.getByRole('button', { name: 'Accept all' });
    const reject = screen.getByRole('button', { name: 'Reject all' });
    expect(accept.className).toBe(reject.className);
    expect(accept.parentElement).toBe(reject.parentElement);
    expect(accept.nextElementSibling).toBe(reject);
  });

  it('Accept all calls acceptAll once and hides', async () => {
    const { screen, ctx, root } = await banner();
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    expect(ctx.acceptAll).toHaveBeenCalledTimes(1);
    expect(ctx.rejectAll).not.toHaveBeenCalled();
    expect(root.querySelector('.banner')).toBeNull();
    expect(ctx.emit).toHaveBeenCalledWith('hidden', { view: 'banner' });
  });

  it('Reject all calls rejectAll once and hides', async () => {
    const { screen, ctx, root } = await banner();
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    expect(ctx.rejectAll).toHaveBeenCalledTimes(1);
    expect(ctx.acceptAll).not.toHaveBeenCalled();
    expect(root.querySelector('.banner')).toBeNull();
  });

  it('Customize opens the preferences without deciding', async () => {
    const { screen, ctx } = await banner();
    fireEvent.click(screen.getByRole('button', { name: 'Customize' }));
    screen.getByRole('dialog', { name: 'Privacy preferences' });
    expect(screen.queryByRole('region')).toBeNull();
    expect(ctx.acceptAll).not.toHaveBeenCalled();
    expect(ctx.rejectAll).not.toHaveBeenCalled();
    expect(ctx.set).not.toHaveBeenCalled();
    expect(ctx.emit).toHaveBeenCalledWith('shown', { view: 'preferences' });
  });

  it('the optional × means refusal', async () => {
    const { screen, ctx } = await banner({ config: { ui: { closeButton: true } } });
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(ctx.close).toHaveBeenCalledTimes(1);
    expect(ctx.acceptAll).not.toHaveBeenCalled();
  });

  it('Escape does nothing without a × and never accepts', async () => {
    const { screen, ctx } = await banner();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Accept all' }), { key: 'Escape' });
    expect(ctx.acceptAll).not.toHaveBeenCalled();
    expect(ctx.close).not.toHaveBeenCalled();
    screen.getByRole('region');
  });

  it('Escape is the × (refusal) when the × is configured', async () => {
    const { screen, ctx } = await banner({ config: { ui: { closeButton: true } } });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Reject all' }), { key: 'Escape' });
    expect(ctx.close).toHaveBeenCalledTimes(1);
    expect(ctx.acceptAll).not.toHaveBeenCalled();
  });

  it('ignores Escape pressed elsewhere on the page', async () => {
    const { ctx } = await banner({ config: { ui: { closeButton: true } } });
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(ctx.close).not.toHaveBeenCalled();
  });

  it('links the privacy policy, opening in a new tab', async () => {
    const { screen } = await banner({ config: { ui: { privacyPolicyUrl: 'https://example.com/privacy' } } });
    const link = screen.getByRole('link', { name: 'Privacy policy' });
    expect(link.getAttribute('href')).toBe('https://example.com/privacy');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('is announced politely once it has appeared', async () => {
    vi.useFakeTimers();
    const { root } = await banner();
    const status = root.querySelector('[role=status]')!;
    expect(status.textContent).toBe('');
    vi.advanceTimersByTime(300);
    expect(status.textContent).toMatch(/^Cookies on this site: We use cookies/);
  });

  it('emits shown once it is in the DOM', async () => {
    const { ctx, root } = await banner();
    expect(ctx.emit).toHaveBeenCalledWith('shown', { view: 'banner' });
    expect(root.querySelector('.banner')).not.toBeNull();
  });

  /** happy-dom's ResizeObserver never calls back: this one does when told, as a browser does after layout. */
  function observeResizes() {
    const observers: Array<{ callback: ResizeObserverCallback; targets: Element[] }> = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        targets: Element[] = [];
        constructor(callback: ResizeObserverCallback) {
          observers.push({ callback, targets: this.targets });
        }
        observe(target: Element) {
          this.targets.push(target);
        }
        disconnect() {
          this.targets.length = 0;
        }
      },
    );
    return () => {
      for (const { callback, targets } of observers) if (targets.length) callback([], {} as ResizeObserver);
    };
  }

  it.each<[Layout, string]>([
    ['bar-bottom', 'scrollPaddingBottom'],
    ['box', 'scrollPaddingBottom'],
    ['bar-top', 'scrollPaddingTop'],
  ])('%s reserves scroll padding once laid out, and restores it', async (layout, property) => {
    const laidOut = observeResizes();
    const root = document.documentElement;
    root.style.scrollPaddingBottom = '5px';
    root.style.scrollPaddingTop = '7px';
    const before = root.style[property as 'scrollPaddingTop'];
    const { screen } = await banner({ config: { ui: { layout } } });
    expect(root.style[property as 'scrollPaddingTop']).toBe(before);
    laidOut();
    expect(root.style[property as 'scrollPaddingTop']).toMatch(/^\d+px$/);
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    expect(root.style[property as 'scrollPaddingTop']).toBe(before);
  });

  it('reads no size or computed style while mounting (no forced layout)', async () => {
    observeResizes();
    const sizes = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    const styles = vi.spyOn(window, 'getComputedStyle');
    await banner();
    expect(sizes).not.toHaveBeenCalled();
    expect(styles).not.toHaveBeenCalled();
  });

  it('a bottom bar adds room at the end of the page, and takes it back', async () => {
    const laidOut = observeResizes();
    const root = document.documentElement;
    root.style.paddingBottom = '3px';
    const { screen } = await banner();
    laidOut();
    expect(root.style.paddingBottom).toMatch(/^\d+px$/);
    expect(root.style.paddingBottom).toBe(`${3 + parseInt(root.style.scrollPaddingBottom, 10)}px`);
    laidOut();
    expect(root.style.paddingBottom).toBe(`${3 + parseInt(root.style.scrollPaddingBottom, 10)}px`);
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    expect(root.style.paddingBottom).toBe('3px');
  });

  it('a top bar moves to the bottom edge when a page element it hides gets focus', async () => {
    document.body.innerHTML = '<a href="#" id="top-link">top</a>';
    const { root } = await banner({ config: { ui: { layout: 'bar-top' } } });
    const bar = root.querySelector<HTMLElement>('.banner')!;
    bar.getBoundingClientRect = () => ({ top: 0, bottom: 120, left: 0, right: 800, width: 800, height: 120 }) as DOMRect;
    const link = document.getElementById('top-link')!;
    link.getBoundingClientRect = () => ({ top: 10, bottom: 30, left: 8, right: 40, width: 32, height: 20 }) as DOMRect;
    const container = root.querySelector<HTMLElement>('.r')!;
    expect(container.hasAttribute('data-flip')).toBe(false);
    link.focus();
    expect(container.hasAttribute('data-flip')).toBe(true);
    expect(document.documentElement.style.scrollPaddingBottom).toMatch(/px$/);
    fireEvent.click(within(root as unknown as HTMLElement).getByRole('button', { name: 'Reject all' }));
    expect(container.hasAttribute('data-flip')).toBe(false);
  });

  it('non-modal layouts leave the page usable: no inert, no focus theft', async () => {
    document.body.innerHTML = '<main><button id="page">page</button></main>';
    document.getElementById('page')!.focus();
    const { screen } = await banner();
    expect(document.querySelector('main')!.hasAttribute('inert')).toBe(false);
    expect(document.activeElement!.id).toBe('page');
    screen.getByRole('region');
  });

  describe('modal layout', () => {
    it('is a modal dialog that takes focus, makes the page inert and gives both back', async () => {
      document.body.innerHTML = '<main><button id="page">page</button></main><footer inert></footer>';
      document.getElementById('page')!.focus();
      const { screen, root } = await banner({ config: { ui: { layout: 'modal' } } });
      const dialog = screen.getByRole('dialog', { name: 'Cookies on this site' });
      expect(dialog.getAttribute('aria-modal')).toBe('true');
      expect(root.activeElement).toBe(dialog);
      expect(document.querySelector('main')!.hasAttribute('inert')).toBe(true);
      fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
      expect(document.querySelector('main')!.hasAttribute('inert')).toBe(false);
      expect(document.querySelector('footer')!.hasAttribute('inert')).toBe(true);
      expect(document.activeElement!.id).toBe('page');
    });

    it('keeps Tab inside', async () => {
      const { screen, root } = await banner({ config: { ui: { layout: 'modal' } } });
      const customize = screen.getByRole('button', { name: 'Customize' });
      customize.focus();
      fireEvent.keyDown(customize, { key: 'Tab' });
      expect(root.activeElement!.textContent).toBe('Accept all');
      fireEvent.keyDown(root.activeElement!, { key: 'Tab', shiftKey: true });
      expect(root.activeElement!.textContent).toBe('Customize');
    });

    it('Escape does not decide without a ×', async () => {
      const { screen, ctx } = await banner({ config: { ui: { layout: 'modal' } } });
      fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
      expect(ctx.close).not.toHaveBeenCalled();
      expect(ctx.acceptAll).not.toHaveBeenCalled();
      screen.getByRole('dialog');
    });
  });

  it('closes when a decision arrives from elsewhere (API, another tab)', async () => {
    const { ctx, root } = await banner();
    ctx.acceptAll();
    expect(root.querySelector('.banner')).toBeNull();
  });
});
