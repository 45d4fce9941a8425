import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Layout } from '../../src/core/config/types';
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

const SERVICES = [
  {
    id: 'ga',
    category: 'analytics',
    name: 'Google Analytics',
    provider: 'Google LLC',
    purpose: 'Counts visits',
    cookies: [{ name: '_ga', duration: '2 years', purpose: 'Distinguishes visitors' }],
  },
  { id: 'ads', category: 'advertising', name: 'Ad network', provider: 'Ads Inc.', cookies: [{ name: 'IDE', duration: '13 months' }] },
];
const FULL = {
  config: {
    services: SERVICES,
    minors: { ask: true },
    ui: { privacyPolicyUrl: '/privacy' },
    crossBorder: {
      recipient: 'Example Cloud Inc.',
      country: 'US',
      purpose: 'support',
      dataCategories: 'name',
      contact: 'privacy@example.com',
    },
  },
  state: {
    regime: 'opt-out' as const,
    gpc: true,
    categories: { essential: true, analytics: true, advertising: false },
    record: {
      id: 'abc-123',
      time: Date.UTC(2025, 0, 2),
      revision: 0,
      categories: { analytics: true },
      services: {},
      method: 'custom' as const,
      expires: Date.UTC(2026, 0, 1),
    },
  },
  view: 'preferences' as const,
};

/**
 * WCAG contrast of every text in the UI against its actual background, and of the non-text parts
 * (switch track and thumb, outlined buttons, focus ring) against theirs. Returns the failures.
 */
function contrastFailures(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('consentry-ui')!.shadowRoot!;
    const rgba = (color: string) => {
      const [r, g, b, a = 1] = color.match(/[\d.]+/g)!.map(Number);
      return [r, g, b, a];
    };
    const luminance = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const background = (element: Element | null): number[] => {
      for (let e = element; e; e = e.parentElement) {
        const color = rgba(getComputedStyle(e).backgroundColor);
        if (color[3] > 0.99) return color;
      }
      throw new Error('no opaque background');
    };
    const failures: string[] = [];
    const check = (what: string, a: number[], b: number[], min: number) => {
      const value = ratio(a, b);
      if (value < min) failures.push(`${what}: ${value.toFixed(2)} < ${min}`);
    };
    for (const element of root.querySelectorAll<HTMLElement>('*')) {
      // Not shown: hidden, disabled (exempt in WCAG), or the screen-reader-only live region.
      if (!element.getClientRects().length || element.closest(':disabled, .sr')) continue;
      const style = getComputedStyle(element);
      const hasText = [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent!.trim());
      if (hasText) {
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        check(`text "${element.textContent!.trim().slice(0, 30)}"`, rgba(style.color), background(element), large ? 3 : 4.5);
      }
      if (element.matches('.sw')) {
        check('switch track border', rgba(style.borderTopColor), background(element.parentElement), 3);
        check('switch thumb', rgba(getComputedStyle(element, '::before').backgroundColor), background(element), 3);
      }
      if (element.matches('.alt')) check('outlined button border', rgba(style.borderTopColor), background(element.parentElement), 3);
      if (element.matches('.btn:not(.alt)')) check('button fill', rgba(style.backgroundColor), background(element.parentElement), 3);
    }
    const dialog = root.querySelector('.banner,.dialog')!;
    const button = root.querySelector('.btn')!;
    // The focus ring is drawn in the accent colour, which is also every filled button's border.
    const ring = rgba(getComputedStyle(button).borderTopColor);
    check('focus ring', ring, background(dialog), 3);
    return failures;
  });
}

describe('contrast of computed colours', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`banner, ${colorScheme}`, async () => {
      const page = await openUi(browser, site, { config: { ui: { closeButton: true, privacyPolicyUrl: '/p' } }, context: { colorScheme } });
      expect(await contrastFailures(page)).toEqual([]);
      await page.context().close();
    });
    it(`dialog with every control unfolded, ${colorScheme}`, async () => {
      const page = await openUi(browser, site, { ...FULL, context: { colorScheme } });
      for (const more of await page.locator('consentry-ui .more').all()) await more.click();
      await page.locator('consentry-ui input[type=radio]').last().check();
      await settle(page);
      expect(await contrastFailures(page)).toEqual([]);
      await page.context().close();
    });
  }
});

describe('themes', () => {
  const background = (page: Page) => page.locator('consentry-ui .banner').evaluate((element) => getComputedStyle(element).backgroundColor);

  it('auto follows prefers-color-scheme; light and dark are fixed', async () => {
    const cases: Array<['light' | 'dark' | 'auto', 'light' | 'dark', string]> = [
      ['auto', 'light', 'rgb(255, 255, 255)'],
      ['auto', 'dark', 'rgb(31, 32, 35)'],
      ['dark', 'light', 'rgb(31, 32, 35)'],
      ['light', 'dark', 'rgb(255, 255, 255)'],
    ];
    for (const [theme, colorScheme, expected] of cases) {
      const page = await openUi(browser, site, { config: { ui: { theme } }, context: { colorScheme } });
      expect(await background(page), `${theme} in ${colorScheme}`).toBe(expected);
      await page.context().close();
    }
  });

  it('site owners restyle through --consentry-* custom properties on :root', async () => {
    const page = await openUi(browser, site, {});
    await page.addStyleTag({ content: ':root{--consentry-accent:#7a0019;--consentry-radius:0px;--consentry-font:Georgia,serif}' });
    const style = await page
      .locator('consentry-ui .btn')
      .first()
      .evaluate((element) => {
        const s = getComputedStyle(element);
        return [s.backgroundColor, s.borderTopLeftRadius, s.fontFamily];
      });
    expect(style).toEqual(['rgb(122, 0, 25)', '0px', 'Georgia, serif']);
    await page.context().close();
  });
});

describe('isolation', () => {
  it('careless site CSS does not reach the UI', async () => {
    const page = await openUi(browser, site, { path: '/hostile', view: 'preferences' });
    const style = await page
      .locator('consentry-ui .btn')
      .first()
      .evaluate((element) => {
        const s = getComputedStyle(element);
        return { background: s.backgroundColor, font: s.fontFamily, spacing: s.letterSpacing, padding: s.paddingTop };
      });
    expect(style.background).toBe('rgb(29, 78, 216)');
    expect(style.font).not.toMatch(/Comic/);
    expect(style.spacing).toBe('normal');
    expect(style.padding).toBe('8px');
    expect(await page.locator('consentry-ui [role=dialog]').isVisible()).toBe(true);
    expect(await page.locator('consentry-ui h2').evaluate((h) => getComputedStyle(h).fontSize)).toBe('18.75px');
    await page.context().close();
  });

  it('our CSS does not reach the page', async () => {
    const page = await openUi(browser, site, { view: 'preferences' });
    const pageButton = await page.locator('#opener').evaluate((element) => getComputedStyle(element).fontWeight);
    expect(pageButton).toBe('400');
    const pageH1 = await page.locator('h1').evaluate((element) => getComputedStyle(element).margin);
    expect(pageH1).not.toBe('0px');
    await page.context().close();
  });

  it('is fully styled under a strict CSP without unsafe-inline, with no violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => {
      (window as any).__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => (window as any).__violations.push(event.violatedDirective));
    });
    const page = await context.newPage();
    const response = await page.goto(site.server.origin + '/csp');
    expect(response!.headers()['content-security-policy']).toContain("style-src 'self'");
    await page.evaluate(() => (window as any).uiHarness.start({}));
    await settle(page);
    const banner = page.locator('consentry-ui .banner');
    expect(await banner.evaluate((element) => [getComputedStyle(element).position, getComputedStyle(element).backgroundColor])).toEqual([
      'fixed',
      'rgb(255, 255, 255)',
    ]);
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
    await context.close();
  });
});

describe('layout', () => {
  /** Every control of the UI that is at least 24×24 CSS px (inline text links are exempt, as WCAG 2.5.8 says). */
  const smallTargets = (page: Page) =>
    page.evaluate(() => {
      const root = document.querySelector('consentry-ui')!.shadowRoot!;
      return [...root.querySelectorAll<HTMLElement>('button, a, input')]
        .filter((element) => element.getClientRects().length && !(element.matches('a') && element.closest('p,li')))
        .map((element) => (element.matches('input') ? element.closest('label')! : element))
        .filter((target) => {
          const rect = target.getBoundingClientRect();
          return rect.width < 24 || rect.height < 24;
        })
        .map((target) => target.outerHTML.slice(0, 60));
    });

  const overflow = (page: Page) =>
    page.evaluate(() => {
      const root = document.querySelector('consentry-ui')!.shadowRoot!;
      // A data table may scroll sideways inside its own scroller (WCAG 1.4.10 exception); the scroller may not.
      const out = [...root.querySelectorAll<HTMLElement>('.banner *, .dialog *')].filter((element) => {
        if (element.closest('.tw table')) return false;
        const rect = element.getBoundingClientRect();
        return rect.width && (rect.left < -0.5 || rect.right > innerWidth + 0.5);
      });
      return { pageScrolls: document.documentElement.scrollWidth > innerWidth, outside: out.map((e) => e.outerHTML.slice(0, 60)) };
    });

  it('works at 320 px wide: nothing sideways out of view, targets at least 24×24', async () => {
    for (const view of ['banner', 'preferences'] as const)
      for (const language of ['en', 'de', 'zh']) {
        const page = await openUi(browser, site, { ...FULL, view, language, context: { viewport: { width: 320, height: 568 } } });
        for (const more of await page.locator('consentry-ui .more').all()) await more.click();
        expect(await overflow(page), `${view} ${language}`).toEqual({ pageScrolls: false, outside: [] });
        expect(await smallTargets(page), `${view} ${language}`).toEqual([]);
        await page.context().close();
      }
  });

  it('works at 200% zoom (1280×800 at 2x): every action reachable', async () => {
    const page = await openUi(browser, site, { ...FULL, context: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } });
    // The site asks the age (minors.ask): a grant waits for the answer, which is on the banner too.
    const adult = page.getByLabel(/or older/).first();
    await adult.scrollIntoViewIfNeeded();
    await adult.check();
    const save = page.locator('consentry-ui .acts .btn').last();
    await save.scrollIntoViewIfNeeded();
    expect(await save.isVisible()).toBe(true);
    await save.click();
    expect(await page.evaluate(() => (window as any).uiHarness.decisions.length)).toBe(1);
    await page.context().close();
  });

  it('mirrors right to left in Arabic: box on the left, × before the title', async () => {
    const page = await openUi(browser, site, { language: 'ar', path: '/rtl', config: { ui: { layout: 'box', closeButton: true } } });
    const [box, close, title] = await Promise.all(
      ['.banner', '.x', 'h2'].map((selector) => page.locator(`consentry-ui ${selector}`).boundingBox()),
    );
    expect(box!.x).toBeLessThan(100);
    expect(close!.x).toBeLessThan(title!.x);
    await page.locator('consentry-ui [data-customize]').click();
    await settle(page);
    const [heading, x] = await Promise.all(['.head h2', '.head .x'].map((s) => page.locator(`consentry-ui ${s}`).boundingBox()));
    expect(x!.x).toBeLessThan(heading!.x);
    const on = page.locator('consentry-ui .sw').first();
    const thumbOnLeft = await on.evaluate((element) => {
      const track = element.getBoundingClientRect();
      const thumb = parseFloat(getComputedStyle(element, '::before').right);
      return getComputedStyle(element).direction === 'rtl' && thumb > track.width / 2 - 10;
    });
    expect(thumbOnLeft).toBe(true);
    await page.context().close();
  });

  it('respects prefers-reduced-motion', async () => {
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const page = await openUi(browser, site, { context: { reducedMotion } });
      const name = await page.locator('consentry-ui .banner').evaluate((element) => getComputedStyle(element).animationName);
      expect(name, reducedMotion).toBe(reducedMotion === 'reduce' ? 'none' : 'cy-in');
      await page.context().close();
    }
  });

  it.each<Layout>(['bar-bottom', 'bar-top', 'box', 'modal'])('%s shifts no page content (CLS = 0)', async (layout) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => {
      (window as any).__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) (window as any).__shift += (entry as any).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(site.server.origin + '/');
    await page.waitForTimeout(200);
    await page.evaluate((l) => (window as any).uiHarness.start({ config: { ui: { layout: l } } }), layout);
    await page.waitForTimeout(500);
    await page.locator('consentry-ui .btn').nth(1).click();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as any).__shift)).toBe(0);
    await context.close();
  });

  it.each<Layout>(['bar-bottom', 'bar-top', 'box'])('%s never hides the focused element of the page', async (layout) => {
    const page = await openUi(browser, site, { config: { ui: { layout } }, context: { viewport: { width: 800, height: 600 } } });
    const banner = page.locator('consentry-ui .banner');
    const hidden: string[] = [];
    await page.focus('#first-link');
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const [target, bar] = await Promise.all([
        page.evaluate(() => {
          const active = document.activeElement!;
          // Past the page's last link, Tab wraps into our own banner: not a page element.
          if (active === document.body || active.localName === 'consentry-ui') return null;
          const r = active.getBoundingClientRect();
          return { id: active.id || active.textContent!, top: r.top, bottom: r.bottom, left: r.left, right: r.right };
        }),
        banner.boundingBox(),
      ]);
      if (!target) continue;
      const overlaps =
        target.bottom > bar!.y && target.top < bar!.y + bar!.height && target.right > bar!.x && target.left < bar!.x + bar!.width;
      if (overlaps) hidden.push(target.id);
    }
    expect(hidden).toEqual([]);
    await page.evaluate(() => (window as any).uiHarness.hide());
    const { style } = await page.evaluate(() => ({ style: [...document.documentElement.style] }));
    expect(style).toEqual([]);
    await page.context().close();
  });
});
