import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { openUi, settle, startUiPage, type UiPage } from './ui-page';

let browser: Browser;
let site: UiPage;
beforeAll(async () => {
  browser = await launchChromium();
  site = await startUiPage();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** What a screen reader would call the focused element, looking into shadow roots. */
function focused(page: Page) {
  return page.evaluate(() => {
    let active = document.activeElement as HTMLElement | null;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
    if (!active || active === document.body) return 'body';
    const labelledBy = active.getAttribute('aria-labelledby');
    const label = labelledBy && (active.getRootNode() as ShadowRoot).getElementById(labelledBy)?.textContent;
    const role = active.getAttribute('role') || active.tagName.toLowerCase();
    return `${role}:${label || active.getAttribute('aria-label') || active.textContent!.trim() || active.id}`;
  });
}

/** Whether the focused element shows a focus indicator of at least 2 px. */
function ringWidth(page: Page) {
  return page.evaluate(() => {
    let active = document.activeElement as HTMLElement | null;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
    const style = getComputedStyle(active!);
    return style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
  });
}

async function tabs(page: Page, count: number, shift = false) {
  const seen: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    seen.push(await focused(page));
  }
  return seen;
}

const decisions = (page: Page) => page.evaluate(() => (window as any).uiHarness.decisions.map((d: any) => d.method));

describe('keyboard only', () => {
  it('reaches the bar banner first, then the page; every stop shows a focus ring', async () => {
    const page = await openUi(browser, site, { config: { ui: { privacyPolicyUrl: '/privacy' } } });
    expect(await focused(page)).toBe('body');
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused(page));
      if (i < 4) expect(await ringWidth(page), order[i]).toBeGreaterThanOrEqual(2);
    }
    expect(order).toEqual(['a:Privacy policy', 'button:Accept all', 'button:Reject all', 'button:Customize', 'a:Home']);
    await page.context().close();
  });

  it('drives banner → preferences → back → decision without a mouse', async () => {
    const page = await openUi(browser, site, {});
    await tabs(page, 3);
    expect(await focused(page)).toBe('button:Customize');
    await page.keyboard.press('Enter');
    await settle(page);
    expect(await focused(page)).toBe('dialog:Privacy preferences');

    // The whole cycle, then around again: focus never leaves the dialog. Essential lists the SDK's own
    // cookie and storage (issue 19 §7), behind its "Services and cookies" button.
    const cycle = await tabs(page, 8);
    expect(cycle).toEqual([
      'button:Close',
      'button:Services and cookies (1)',
      'switch:Analytics',
      'switch:Advertising',
      'button:Accept all',
      'button:Reject all',
      'button:Save choices',
      'button:Close',
    ]);
    for (let i = 0; i < 2; i++) {
      await page.keyboard.press('Tab');
      expect(await ringWidth(page)).toBeGreaterThanOrEqual(2);
    }
    await tabs(page, 1, true);
    await tabs(page, 1, true);
    expect(await tabs(page, 1, true)).toEqual(['button:Save choices']);

    // Space toggles a switch.
    await tabs(page, 3);
    expect(await focused(page)).toBe('switch:Analytics');
    await page.keyboard.press('Space');
    expect(await page.locator('consentry-ui [role=switch][aria-labelledby=cy-c-analytics]').getAttribute('aria-checked')).toBe('true');

    // Escape leaves without deciding, back on the banner, focus on Customize.
    await page.keyboard.press('Escape');
    await settle(page);
    expect(await decisions(page)).toEqual([]);
    expect(await focused(page)).toBe('button:Customize');

    // Shift+Tab to Reject all, Enter: refused, banner gone.
    await tabs(page, 1, true);
    expect(await focused(page)).toBe('button:Reject all');
    await page.keyboard.press('Enter');
    expect(await decisions(page)).toEqual(['reject-all']);
    expect(await page.locator('consentry-ui .banner').count()).toBe(0);
    await page.context().close();
  });

  it('Save sends what was switched with the keyboard', async () => {
    const page = await openUi(browser, site, {
      view: 'preferences',
      config: { services: [{ id: 'ads', category: 'advertising', name: 'Ads', cookies: [{ name: 'IDE' }] }] },
    });
    await tabs(page, 4);
    expect(await focused(page)).toBe('switch:Advertising');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button:Services and cookies (1)');
    await page.keyboard.press('Enter');
    // The last of the two: essential's (the SDK's own cookie and storage) comes first.
    expect(await page.locator('consentry-ui .more').last().getAttribute('aria-expanded')).toBe('true');
    // The unfolded cookie table is a tab stop of its own, so that it can be scrolled by keyboard.
    expect(await tabs(page, 1)).toEqual(['group:Advertising']);
    await tabs(page, 3);
    expect(await focused(page)).toBe('button:Save choices');
    await page.keyboard.press('Enter');
    const choices = await page.evaluate(() => (window as any).uiHarness.decisions[0]);
    expect(choices).toEqual({ method: 'custom', choices: { categories: { analytics: false, advertising: true } } });
    await page.context().close();
  });

  it('returns focus to the control that opened the preferences, and the page is inert meanwhile', async () => {
    const record = {
      id: 'x',
      time: Date.now(),
      revision: 0,
      categories: {},
      services: {},
      method: 'reject-all',
      expires: Date.now() + 1e9,
    };
    const page = await openUi(browser, site, { state: { record } as any, view: 'banner' });
    await page.evaluate(() => (window as any).uiHarness.hide());
    await page.focus('#opener');
    await page.evaluate(() =>
      (window as any).uiHarness.start({
        state: { record: { id: 'x', time: 1, revision: 0, categories: {}, services: {}, method: 'reject-all', expires: 4e12 } },
        view: 'preferences',
      }),
    );
    await settle(page);
    expect(await focused(page)).toBe('dialog:Privacy preferences');
    expect(await page.evaluate(() => document.querySelector('main')!.inert)).toBe(true);
    // Clicking the page behind does nothing while the dialog is open.
    await page.mouse.click(5, 5);
    expect(await page.locator('consentry-ui [role=dialog]').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe('button:Cookie settings');
    expect(await page.evaluate(() => document.querySelector('main')!.inert)).toBe(false);
    expect(await decisions(page)).toEqual([]);
    await page.context().close();
  });

  it('modal banner: focus moves in, Tab cycles inside, Escape never accepts', async () => {
    const page = await openUi(browser, site, { config: { ui: { layout: 'modal' } } });
    expect(await focused(page)).toBe('dialog:Cookies on this site');
    expect(await tabs(page, 4)).toEqual(['button:Accept all', 'button:Reject all', 'button:Customize', 'button:Accept all']);
    await page.keyboard.press('Escape');
    expect(await decisions(page)).toEqual([]);
    expect(await page.locator('consentry-ui [role=dialog]').count()).toBe(1);
    await page.context().close();
  });

  it('modal banner with ×: Escape is the × and means refusal', async () => {
    const page = await openUi(browser, site, { config: { ui: { layout: 'modal', closeButton: true } } });
    await page.keyboard.press('Escape');
    expect(await decisions(page)).toEqual(['close']);
    await page.context().close();
  });

  it.each(['bar-bottom', 'bar-top'] as const)(
    '%s: its height is reserved once laid out, without input, and keeps focused page links in view',
    async (layout) => {
      const page = await openUi(browser, site, { config: { ui: { layout } }, context: { viewport: { width: 375, height: 640 } } });
      const reserved = await page.evaluate(async (top) => {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const rect = document.querySelector('consentry-ui')!.shadowRoot!.querySelector('.banner')!.getBoundingClientRect();
        const { style } = document.documentElement;
        return {
          height: Math.ceil(top ? rect.bottom : innerHeight - rect.top),
          padding: top ? style.scrollPaddingTop : style.scrollPaddingBottom,
        };
      }, layout === 'bar-top');
      expect(reserved.height).toBeGreaterThan(100);
      expect(reserved.padding).toBe(reserved.height + 'px');
      // The page's first and last links, reached with the keyboard, are not hidden under the bar.
      const clear = () =>
        page.evaluate(() => {
          const banner = document.querySelector('consentry-ui')!.shadowRoot!.querySelector('.banner')!.getBoundingClientRect();
          const link = document.activeElement!.getBoundingClientRect();
          return link.bottom <= banner.top || link.top >= banner.bottom;
        });
      await tabs(page, 4);
      expect(await focused(page)).toBe('a:Home');
      expect(await clear()).toBe(true);
      await page.focus('#link-22');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('a:link 24');
      expect(await clear()).toBe(true);
      await page.context().close();
    },
  );
});

describe('the CCPA opt-out view, keyboard only (issue 19 §4)', () => {
  it('takes focus, keeps Tab inside (policy link, Opt out, Close), shows a focus ring at each stop; Enter on "Opt out" records it; Escape leaves without deciding', async () => {
    const options = {
      view: 'do-not-sell' as const,
      config: { ui: { privacyPolicyUrl: '/privacy' } },
      state: { regime: 'opt-out' as const, categories: { essential: true, analytics: true, advertising: true } },
    };
    const page = await openUi(browser, site, options);
    await settle(page);
    expect(await focused(page)).toBe('dialog:Do Not Sell or Share My Personal Information');
    const stops = await tabs(page, 4);
    expect(stops).toEqual(['a:Privacy policy', 'button:Opt out', 'button:Close', 'a:Privacy policy']);
    await page.keyboard.press('Tab');
    expect(await ringWidth(page)).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    await settle(page);
    expect(await decisions(page)).toEqual(['do-not-sell']);
    await page.context().close();

    const again = await openUi(browser, site, options);
    await settle(again);
    await again.keyboard.press('Escape');
    await settle(again);
    expect(await again.evaluate(() => !!document.querySelector('consentry-ui')?.shadowRoot?.querySelector('[role=dialog]'))).toBe(false);
    expect(await decisions(again)).toEqual([]);
    await again.context().close();
  });
});
