import type { BrowserContext, Page } from 'playwright-core';
import type { ResolvedNeed } from '../../../src/loader/effects/types';

export interface ZooView {
  /** Execution order: tracker scripts and the page's own probes. */
  order: string[];
  /** Messages posted by tracker iframes when their document ran. */
  messages: string[];
  events: Array<[string, unknown]>;
  held: Array<{ tag: string; id: string; need: ResolvedNeed }>;
  storage: { [key: string]: string };
  deferSawEnd: boolean | undefined;
}

/**
 * Let every fetch, script and iframe the current state allows finish: the page has loaded, and neither the
 * trackers' hits nor the page's execution log changed for 800 ms (the zoo's slowest response takes 150 ms;
 * the margin is for a busy machine).
 */
export async function settle(page: Page, hits: string[]) {
  await page.waitForLoadState('load');
  let last = '';
  for (let quiet = 0; quiet < 8; ) {
    await page.waitForTimeout(100);
    const now = `${hits.length}/${await page.evaluate(() => `${window.__order?.length}/${(window as unknown as { __messages?: string[] }).__messages?.length}`)}`;
    quiet = now == last ? quiet + 1 : 0;
    last = now;
  }
}

export async function view(page: Page): Promise<ZooView> {
  return page.evaluate(() => ({
    order: window.__order,
    messages: (window as unknown as { __messages: string[] }).__messages,
    events: window.__zoo.events,
    held: window.__zoo.held,
    storage: { ...localStorage },
    deferSawEnd: (window as unknown as { __deferSawEnd?: boolean }).__deferSawEnd,
  }));
}

/** The jar as "name=value", sorted. */
export async function jar(context: BrowserContext): Promise<string[]> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).sort();
}
