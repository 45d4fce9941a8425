import type { BrowserContext } from 'playwright-core';

/** A close on this loaded machine took 58 ms (median) and 444 ms at most in 30; short beside a 60 s hook. */
const GRACE_MS = 5_000;

const settles = (promise: Promise<unknown>, ms: number) =>
  Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<false>((resolve) => setTimeout(resolve, ms, false)),
  ]);

/**
 * Closes a context, bounded: one hang cannot eat the hook's 60 s.
 *
 * Why it can hang: Chromium acknowledges a close that races a navigation commit and then drops it
 * (crbug 536385539; playwright issues 42068, 42366), so `context.close()` waits for ever. In this suite the
 * navigation is the reload a withdrawal makes (`blocking.reloadOnWithdraw`, on by default). Measured with the
 * built loader, a withdrawal and then `context.close()` at once: 4 of 60 closes hung (over 8 s); waiting for
 * the reload first: 0 of 30. So a test that withdraws a grant waits for that reload (`tab.waitForEvent('load')`)
 * before it ends. This is the backstop: after the grace time each page is closed again, which ended each of
 * those 4 hangs, and if even that does not, a warning says so and the browser's own close at the end of the
 * file takes what is left.
 */
export async function closeContext(context: BrowserContext | undefined, graceMs = GRACE_MS): Promise<void> {
  if (!context) return;
  const closing = context.close();
  if (await settles(closing, graceMs)) return;
  const pages = context.pages().map((page) => page.url());
  await settles(Promise.all(context.pages().map((page) => page.close())), graceMs);
  if (await settles(closing, graceMs)) {
    console.warn(`closeContext: context.close() hung for ${graceMs} ms (pages: ${pages.join(', ')}); closing its pages again ended it`);
  } else {
    console.warn(`closeContext: context.close() still hangs after ${3 * graceMs} ms (pages: ${pages.join(', ')}); left to browser.close()`);
  }
}
