import { fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { UiView } from '../../src/core/policy/api';
import { type ContextOptions, type Shown, showUi } from './fixtures';

/** Issue 19 §3, §4 (texts), §8: what a visitor whose browser sends an opt-out preference signal is shown. */
let shown: Shown | undefined;
afterEach(() => {
  shown?.ui.unmount();
  shown = undefined;
  document.body.innerHTML = '';
});

async function open(view: UiView, options: ContextOptions = {}) {
  shown = await showUi(view, options);
  const screen = within(shown.root as unknown as HTMLElement);
  return { ...shown, screen };
}

const gpcOptOut = {
  regime: 'opt-out' as const,
  gpc: true,
  signal: 'gpc' as const,
  status: 'decided' as const,
  needsBanner: false,
  categories: { essential: true, analytics: true, advertising: false },
};
const gpcOptIn = { regime: 'opt-in' as const, gpc: true, signal: 'gpc' as const };

describe('the "opt-out preference signal honoured" notice', () => {
  it('is a small labelled region (not a dialog) that says what GPC does here, with no "Accept all"', async () => {
    const { screen, root } = await open('notice', { state: gpcOptOut });
    const region = screen.getByRole('region', { name: 'Opt-out preference signal honored' });
    expect(region.getAttribute('aria-describedby')).toBe('cy-nd');
    expect(root.getElementById('cy-nd')!.textContent).toContain('we do not sell or share your personal information');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Accept all' })).toBeNull();
  });

  it('is dismissed by its button and by Escape, and leads to the preferences', async () => {
    const first = await open('notice', { state: gpcOptOut });
    fireEvent.click(first.screen.getByRole('button', { name: 'Close' }));
    expect(first.screen.queryByRole('region')).toBeNull();
    expect(first.ctx.emit).toHaveBeenCalledWith('hidden', { view: 'notice' });
    first.ui.unmount();

    const second = await open('notice', { state: gpcOptOut });
    // Like the banner, a region that leaves the page usable: Escape counts where focus is inside it.
    fireEvent.keyDown(second.screen.getByRole('button', { name: 'Customize' }), { key: 'Escape' });
    expect(second.screen.queryByRole('region')).toBeNull();
    second.ui.unmount();

    const third = await open('notice', { state: gpcOptOut });
    fireEvent.click(third.screen.getByRole('button', { name: 'Customize' }));
    expect(third.screen.getByRole('dialog', { name: 'Privacy preferences' })).toBeTruthy();
    // Nothing was decided by looking: no choice was sent.
    expect(third.ctx.set).not.toHaveBeenCalled();
    expect(third.ctx.acceptAll).not.toHaveBeenCalled();
  });

  it('says so for Do Not Track', async () => {
    const { root } = await open('notice', { state: { ...gpcOptOut, signal: 'dnt', gpc: false } });
    expect(root.getElementById('cy-nd')!.textContent).toBe('Your browser sends Do Not Track, so we use essential cookies only.');
  });

  it('is in Chinese for a Chinese visitor', async () => {
    const { screen, root } = await open('notice', { state: gpcOptOut, language: 'zh' });
    expect(screen.getByRole('region', { name: '已遵从您浏览器发出的隐私偏好信号' })).toBeTruthy();
    expect(root.getElementById('cy-nd')!.textContent).toContain('不会出售或共享您的个人信息');
    expect(root.querySelector('[lang=en]')).toBeNull();
  });

  it('marks English fallback text with lang="en" in another language\'s UI', async () => {
    const { root } = await open('notice', { state: gpcOptOut, language: 'xx', packs: { xx: { customize: 'Anpassen', close: 'Zu' } } });
    expect(root.querySelector('h2')!.getAttribute('lang')).toBe('en');
    expect(root.querySelector('#cy-nd [lang=en]')!.textContent).toContain('Global Privacy Control');
    expect(root.querySelector('.acts button')!.hasAttribute('lang')).toBe(false);
    expect(root.querySelectorAll('.acts button')[1].hasAttribute('lang')).toBe(false);
  });

  it('marks English fallbacks in the banner and the dialog too, and nothing in a complete pack', async () => {
    const partial = { xx: { bannerTitle: 'Kekse', acceptAll: 'Alle' } };
    const banner = await open('banner', { language: 'xx', packs: partial });
    expect(banner.root.querySelector('h2')!.hasAttribute('lang')).toBe(false);
    const [accept, reject, customize] = banner.root.querySelectorAll('.acts button');
    expect([accept.getAttribute('lang'), reject.getAttribute('lang'), customize.getAttribute('lang')]).toEqual([null, 'en', 'en']);
    banner.ui.unmount();
    const dialog = await open('preferences', { language: 'xx', packs: partial });
    expect(dialog.root.querySelector('h2')!.getAttribute('lang')).toBe('en');
    dialog.ui.unmount();
    const zh = await open('preferences', { language: 'zh' });
    expect(zh.root.querySelectorAll('[lang=en]')).toHaveLength(0);
  });
});

describe('banner wording per regime', () => {
  it('opt-out: says what runs and that the visitor can opt out, not "With your consent"', async () => {
    const { root } = await open('banner', {
      state: { regime: 'opt-out', categories: { essential: true, analytics: true, advertising: true } },
    });
    const text = root.getElementById('cy-bd')!.textContent!;
    expect(text).toContain('We and third parties also use them for analytics');
    expect(text).toContain('You can opt out of any of them at any time.');
    expect(text).not.toMatch(/consent/i);
  });

  it('opt-out in Chinese: no 经您同意', async () => {
    const { root } = await open('banner', { state: { regime: 'opt-out' }, language: 'zh' });
    const text = root.getElementById('cy-bd')!.textContent!;
    expect(text).toContain('我们和第三方还将其用于分析');
    expect(text).toContain('您可以随时拒绝其中任何一项。');
    expect(text).not.toContain('经您同意');
  });

  it('opt-in keeps asking for consent', async () => {
    const { root } = await open('banner');
    expect(root.getElementById('cy-bd')!.textContent).toContain('With your consent, we and third parties');
  });

  it('opt-in with GPC: the banner says advertising stays off, "Accept all" included', async () => {
    const { root } = await open('banner', { state: gpcOptIn });
    const text = root.getElementById('cy-bd')!.textContent!;
    expect(text).toContain('Your browser sends Global Privacy Control');
    expect(text).toContain('advertising stays off');
    expect(text).toContain('even with “Accept all”');
  });

  it('opt-in without a signal says nothing about one', async () => {
    const { root } = await open('banner', { state: { regime: 'opt-in', gpc: true, signal: null } });
    expect(root.getElementById('cy-bd')!.textContent).not.toContain('Global Privacy Control');
  });
});

describe('overriding the signal in the dialog', () => {
  it('starts with advertising refused, states that switching it on overrides the signal, and says so in the choice', async () => {
    const { screen, ctx, root } = await open('preferences', { state: gpcOptIn });
    expect(root.querySelector('.body > p.note')!.textContent).toContain('overrides the signal on this site');
    const ads = screen.getByRole('switch', { name: 'Advertising' });
    expect(ads.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(ads);
    fireEvent.click(screen.getByRole('button', { name: 'Save choices' }));
    expect(ctx.set).toHaveBeenCalledWith(
      { categories: { analytics: false, advertising: true }, overrideSignal: true },
      { via: 'dialog', lang: 'en', textsHash: expect.any(String) },
    );
  });

  it('"Accept all" with advertising left off does not override', async () => {
    const { screen, ctx } = await open('preferences', { state: gpcOptIn });
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    expect(ctx.acceptAll).toHaveBeenCalledWith(expect.objectContaining({ overrideSignal: false, via: 'dialog' }));
  });

  it('opt-out with GPC: turning "Do Not Sell or Share" off overrides the signal', async () => {
    const { screen, ctx } = await open('preferences', { state: gpcOptOut });
    const dnss = screen.getByRole('switch', { name: 'Do Not Sell or Share My Personal Information' });
    expect(dnss.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(dnss);
    fireEvent.click(screen.getByRole('button', { name: 'Save choices' }));
    expect(ctx.set).toHaveBeenCalledWith(
      { categories: { analytics: true, advertising: true }, overrideSignal: true },
      { via: 'dialog', lang: 'en', textsHash: expect.any(String) },
    );
  });

  it('the banner decision is recorded as made in the banner, in the language shown', async () => {
    const { screen, ctx } = await open('banner', { language: 'zh' });
    fireEvent.click(screen.getByRole('button', { name: '全部拒绝' }));
    expect(ctx.rejectAll).toHaveBeenCalledWith({ via: 'banner', lang: 'zh', textsHash: expect.any(String) });
  });
});

describe('Chinese texts (native reader)', () => {
  it('uses the corrected wording and full-width brackets', async () => {
    const { root } = await open('preferences', {
      language: 'zh',
      state: {
        regime: 'opt-out',
        gpc: true,
        signal: 'gpc',
        status: 'decided',
        needsBanner: false,
        categories: { essential: true, analytics: true, advertising: false },
        record: {
          id: 'abc-123',
          time: Date.UTC(2025, 0, 2),
          revision: 0,
          categories: {},
          services: {},
          method: 'gpc',
          expires: Date.UTC(2026, 0, 1),
        },
      },
    });
    const text = root.textContent!;
    expect(text).toContain('作出选择的时间');
    expect(text).not.toContain('选择日期');
    expect(text).toContain('已按您的要求停止出售或共享您的个人信息');
    expect(text).not.toMatch(/退出/);
    expect(text).toContain('必要 Cookie 始终开启');
    expect(text).toMatch(/服务和 Cookie（1）/);
    expect(text).not.toMatch(/横幅|广告商/);
  });

  it('does not double the full stop of a configured cross-border phrase', async () => {
    const crossBorder = {
      recipient: 'Northstar',
      country: 'US',
      purpose: { en: 'Site analytics: usage logs.', zh: '站点分析：使用日志。' },
      dataCategories: { en: 'Pages visited.', zh: '访问的页面。' },
    };
    for (const language of ['en', 'zh']) {
      const { root, ui } = await open('preferences', { language, config: { crossBorder } });
      const text = root.getElementById('cy-sc0d')!.textContent!;
      expect(text).not.toMatch(/\.\.|。。|\.。|。\./);
      expect(text).toContain(language === 'en' ? 'usage logs. Data concerned: Pages visited.' : '使用日志。涉及的个人信息：访问的页面。');
      ui.unmount();
    }
  });
});
