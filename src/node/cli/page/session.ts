import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Settings } from '../../../core/config/types';
import { observe, type PageObserver } from './observer';
import { CONSENTRY_SCRIPT } from './pick-script-url';
import { waitForConsentry } from './consent';

export interface SessionOptions {
  origin: string;
  /** Budget of each step, in ms: one load with its settling, or one choice with its settling. */
  pageTimeout: number;
  /** Quiet time (ms without requests) after which a page counts as settled. */
  settle: number;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  observer: PageObserver;
  /** Milliseconds left of the current step's budget. */
  remaining(): number;
  /** Give the next step (a choice and what follows it) a full budget. */
  restartClock(): void;
  /** Load a URL of the site; the result says what went wrong, if anything. */
  load(url: string): Promise<LoadResult>;
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface LoadResult {
  status: number | null;
  error: string | null;
  timedOut: boolean;
  /** Whether window.Consentry exists, and its settings once configured. */
  consentry: boolean;
  settings: Settings | null;
}

/** Time the SDK gets to fetch its config before we decide it has none. */
const CONFIG_WAIT_MS = 3000;

/**
 * A fresh browser profile for one page: no cookie, storage or cache from any other page. Service
 * workers are blocked so that every request is the page's own and is seen.
 */
export async function openSession(browser: Browser, { origin, pageTimeout, settle }: SessionOptions): Promise<Session> {
  let deadline = Date.now() + pageTimeout;
  const restartClock = () => void (deadline = Date.now() + pageTimeout);
  const remaining = () => Math.max(0, deadline - Date.now());
  const context = await browser.newContext({ locale: 'en-US', serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const observer = await observe(context, origin, CONSENTRY_SCRIPT);
  const page = await context.newPage();
  await observer.watchPage(page);

  const settleNow = () => observer.waitForQuiet(Math.min(settle, remaining()), remaining());

  const load = async (url: string): Promise<LoadResult> => {
    const result: LoadResult = { status: null, error: null, timedOut: false, consentry: false, settings: null };
    restartClock();
    try {
      const response = await page.goto(url, { waitUntil: 'load', timeout: Math.max(1, remaining()) });
      result.status = response?.status() ?? null;
    } catch (error) {
      const message = (error as Error).message.split('\n')[0];
      if ((error as Error).name == 'TimeoutError' || /Timeout .*exceeded/.test(message)) {
        result.timedOut = true;
        result.error = `did not finish loading within the page timeout (${pageTimeout} ms); findings are partial`;
      } else result.error = message.replace(/^page\.goto: /, '');
    }
    const landed = page.url();
    if (!result.error && !landed.startsWith(origin + '/') && landed != origin) {
      result.error = `left the site (now at ${landed}); not scanned`;
      return result;
    }
    if (remaining() > 0) await settleNow();
    result.consentry = await page.evaluate(() => !!window.Consentry).catch(() => false);
    if (result.consentry) result.settings = await waitForConsentry(page, Math.min(CONFIG_WAIT_MS, remaining()));
    return result;
  };

  return {
    context,
    page,
    observer,
    remaining,
    restartClock,
    load,
    settle: settleNow,
    close: () => context.close().catch(() => {}),
  };
}
