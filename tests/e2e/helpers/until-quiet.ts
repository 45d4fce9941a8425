import type { Page } from 'playwright-core';

/**
 * Waits for the page's `load`, then until `count()` (requests seen so far) has stood still for four checks
 * 100 ms apart: what a page sends after its load (timers, held tags released) has arrived by then.
 */
export async function untilQuiet(page: Page, count: () => number): Promise<void> {
  await page.waitForLoadState('load');
  for (let last = -1, still = 0; still < 4; ) {
    await page.waitForTimeout(100);
    still = count() === last ? still + 1 : 0;
    last = count();
  }
}
