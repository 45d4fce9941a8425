import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Demo, Hit } from '../../demo/server.mjs';
import { newContext } from './helpers/browser';

/** Shared by the demo-*.test.ts files: a tab on the demo that records every request leaving 127.0.0.1. */

export const TRACKER_COOKIE = /^(_ga|_ga_.+|Hm_lvt_.+|Hm_lpvt_.+|_fbp|_gcl_au|IDE|YSC|VISITOR_INFO1_LIVE|NID)$/;
export const ESSENTIAL_COOKIES = ['sid', 'csrftoken'];

export interface DemoTab {
  context: BrowserContext;
  page: Page;
  /** Requests to anything but 127.0.0.1 (none may ever happen). */
  outside: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
}

export async function openTab(browser: Browser, options: { language?: 'en' | 'zh'; width?: number } = {}): Promise<DemoTab> {
  const context = await newContext(browser, {
    locale: options.language === 'zh' ? 'zh-CN' : 'en-US',
    viewport: { width: options.width ?? 1280, height: 800 },
  });
  const outside: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (['data:', 'blob:', 'about:'].includes(url.protocol)) return;
    if (url.hostname !== '127.0.0.1') outside.push(request.url());
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push('pageerror: ' + error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  return { context, page, outside, errors };
}

/** "tracker kind pathname [ev=…] [slot=…]": what a hit is, without its random ids. */
export function hitKey(hit: Hit): string {
  const url = new URL(hit.path, 'http://tracker.invalid');
  const details = ['ev', 'slot'].filter((name) => url.searchParams.has(name)).map((name) => `${name}=${url.searchParams.get(name)}`);
  return [hit.tracker, hit.kind, url.pathname, ...details].join(' ');
}

export function hitKeys(hits: Hit[]): string[] {
  return hits.map(hitKey).sort();
}

/**
 * The hits once they stop coming: waits until at least `atLeast` arrived, then until none arrived for
 * `quietMs`, so a test sees every hit a page makes and can assert the exact set.
 */
export async function settledHits(demo: Demo, atLeast = 0, { quietMs = 700, timeoutMs = 10_000 } = {}): Promise<Hit[]> {
  const deadline = Date.now() + timeoutMs;
  let count = -1;
  let stableSince = Date.now();
  for (;;) {
    const hits = demo.hits();
    if (hits.length !== count) {
      count = hits.length;
      stableSince = Date.now();
    }
    if (hits.length >= atLeast && Date.now() - stableSince >= quietMs) return hits;
    if (Date.now() > deadline) return hits;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function cookieNames(context: BrowserContext): Promise<string[]> {
  return (await context.cookies()).map((cookie) => cookie.name).sort();
}

export async function trackerCookies(context: BrowserContext): Promise<string[]> {
  return (await cookieNames(context)).filter((name) => TRACKER_COOKIE.test(name));
}

/** The banner's first-layer buttons live in consentry's open shadow root; roles reach inside. */
export function bannerButton(page: Page, name: string) {
  return page.locator('consentry-ui').getByRole('button', { name, exact: true });
}
