import { probe } from './probe.mjs';
import { TAG_URL_PATTERNS } from './page.mjs';
import { CPU_TRACE_CATEGORIES, cpuTimes } from './cpu-time.mjs';

/** Quiet time after load (and after the banner, when one is expected) before reading the counters. */
export const SETTLE_MS = 500;
const BANNER_TIMEOUT_MS = 8000;

/**
 * One cold page view in a fresh browser context: empty HTTP cache; cookies and storage only those given
 * (a returning visitor's, as recorded by recordAcceptAll).
 * @param {import('playwright-core').Browser} browser
 * @param {{ url: string, variant: any, storage?: { cookies: any[], origins: any[] }, expectBanner: boolean }} options
 */
export async function measure(browser, { url, variant, storage, expectBanner }) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 }, storageState: storage });
  try {
    await context.addInitScript(probe, variant.banner || null);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const traceEvents = [];
    cdp.on('Tracing.dataCollected', ({ value }) => traceEvents.push(...value));
    const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: CPU_TRACE_CATEGORIES }, transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load' });
    if (expectBanner && variant.banner) {
      await page
        .waitForFunction(() => window.__bench.bannerAt !== null, null, { timeout: BANNER_TIMEOUT_MS, polling: 100 })
        .catch(() => {});
    }
    await page.waitForTimeout(SETTLE_MS);
    const { metrics } = await cdp.send('Performance.getMetrics');
    await cdp.send('Tracing.end');
    await traced;
    const metric = (name) => (metrics.find((m) => m.name === name)?.value || 0) * 1000;
    const inPage = await page.evaluate(
      ({ sdkPaths, tagPatterns }) => {
        const resources = performance.getEntriesByType('resource');
        const sdk = resources.filter(
          (r) => sdkPaths.some((path) => new URL(r.name).pathname.startsWith(path)) && new URL(r.name).origin === location.origin,
        );
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        const navigation = performance.getEntriesByType('navigation')[0];
        return {
          ...window.__bench,
          sdkBytes: sdk.reduce((sum, r) => sum + r.encodedBodySize, 0),
          sdkFiles: sdk.map((r) => new URL(r.name).pathname),
          fcp: paint ? paint.startTime : null,
          load: navigation ? navigation.loadEventEnd : null,
          domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : null,
          // When each SDK file started and finished arriving: where the time to the banner goes.
          sdkTimings: sdk.map((r) => ({ path: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd })),
          tagsRan: Object.entries(tagPatterns)
            .filter(([, p]) => resources.some((r) => r.name.includes(p)))
            .map(([k]) => k),
        };
      },
      { sdkPaths: variant.sdkPaths, tagPatterns: TAG_URL_PATTERNS },
    );
    return {
      ...inPage,
      ...cpuTimes(traceEvents, url),
      scriptMs: metric('ScriptDuration'),
      taskMs: metric('TaskDuration'),
      layoutMs: metric('LayoutDuration'),
      styleMs: metric('RecalcStyleDuration'),
      layouts: metrics.find((m) => m.name === 'LayoutCount')?.value || 0,
      styles: metrics.find((m) => m.name === 'RecalcStyleCount')?.value || 0,
      errors,
    };
  } finally {
    await context.close();
  }
}

/**
 * A returning visitor's consent, recorded by the SDK itself: a visit, "accept all" through its own
 * API, and the consent cookies and local storage it wrote (a real returning visitor keeps both).
 * Replayed into each fresh context before a returning run.
 */
export async function recordAcceptAll(browser, { url, variant }) {
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(variant.ready || (() => true), null, { timeout: BANNER_TIMEOUT_MS }).catch(() => {
      throw new Error(`not ready within ${BANNER_TIMEOUT_MS} ms${errors.length ? ': ' + errors.join(' | ') : ''}`);
    });
    await page.waitForTimeout(300);
    await page.evaluate(variant.acceptAll);
    await page.waitForTimeout(300);
    const { cookies, origins } = await context.storageState();
    const consent = cookies.filter((c) => variant.consentCookie.test(c.name));
    if (!consent.length) throw new Error(`${variant.name}: accepting all wrote no consent cookie`);
    return { cookies: consent, origins };
  } finally {
    await context.close();
  }
}
