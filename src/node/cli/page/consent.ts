import type { Frame, Locator, Page } from 'playwright-core';
import type { Settings } from '../../../core/config/types';

export type Choice = 'accept' | 'reject';
export type ConsentBy = 'api' | 'click' | 'none';

/** Button labels of consentry's banner (both built-in languages) and of the usual banners. */
const LABELS: Record<Choice, RegExp> = {
  accept:
    /^\s*(accept all|accept all cookies|allow all|allow all cookies|accept|accept cookies|i accept|agree|i agree|ok|got it|全部接受|接受全部|接受所有|接受|同意|同意并继续|全部同意|允许全部)\s*$/i,
  reject:
    /^\s*(reject all|reject|decline|decline all|refuse|refuse all|deny|deny all|only essential|only necessary|necessary only|essential only|全部拒绝|拒绝全部|拒绝|仅必要|仅限必要)\s*$/i,
};

/** Buttons of banners that are common enough to know by id. */
const KNOWN_BUTTONS: Record<Choice, string[]> = {
  accept: [
    '#onetrust-accept-btn-handler',
    '#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll',
    '#CybotCookiebotDialogBodyButtonAccept',
    '.cc-allow',
    '[data-cc="accept-all"]',
    '.cm__btn[data-role="all"]',
    '.cm-btn-accept-all',
  ],
  reject: [
    '#onetrust-reject-all-handler',
    '#CybotCookiebotDialogBodyButtonDecline',
    '.cc-deny',
    '[data-cc="accept-necessary"]',
    '.cm__btn[data-role="necessary"]',
    '.cm-btn-decline',
  ],
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the page runs consentry, waiting up to `timeout` for its config to load. */
export async function waitForConsentry(page: Page, timeout: number): Promise<Settings | null> {
  try {
    await page.waitForFunction(() => !window.Consentry || !!window.Consentry.settings, undefined, { timeout, polling: 50 });
    return await page.evaluate(() => (window.Consentry?.settings ? JSON.parse(JSON.stringify(window.Consentry.settings)) : null));
  } catch {
    // Consentry is there but never got a valid config: it keeps blocking, so treat it as present without settings.
    return null;
  }
}

async function clickFirstVisible(frame: Frame | Page | Locator, selectors: string[], label: RegExp, timeout: number): Promise<boolean> {
  const candidates = [...selectors.map((selector) => frame.locator(selector).first()), frame.getByRole('button', { name: label }).first()];
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const candidate of candidates) {
      if (await candidate.isVisible().catch(() => false)) {
        // A busy machine can take more than a second to find a banner button stable: wait up to the deadline.
        const clicked = await candidate.click({ timeout: Math.max(1000, deadline - Date.now()) }).then(
          () => true,
          () => false,
        );
        if (clicked) return true;
      }
    }
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Whether the visitor's state shows `choice` (in the page). */
const showsChoice = (choice: Choice) => {
  const state = window.Consentry?.get();
  return state?.status == 'decided' && state.record?.method == (choice == 'accept' ? 'accept-all' : 'reject-all');
};

/** Whether the visitor's state shows `choice` within `timeout` ms (a click's choice may land a moment later). */
const decidedBy = (page: Page, choice: Choice, timeout: number): Promise<boolean> =>
  page.waitForFunction(showsChoice, choice, { timeout, polling: 50 }).then(
    () => true,
    () => false,
  );

/**
 * Make the visitor's choice: click the banner's button when it is shown (the path a person takes),
 * then make sure through `window.Consentry` that the choice was recorded. On a site without
 * consentry, click the usual banners' buttons; `none` when there is nothing to click.
 */
export async function choose(page: Page, choice: Choice, settings: Settings | null, timeout: number): Promise<ConsentBy> {
  const hasApi = await page.evaluate(() => typeof window.Consentry?.acceptAll == 'function').catch(() => false);
  if (hasApi) {
    const own = Object.values(settings?.texts || {})
      .map((texts) => texts[choice == 'accept' ? 'acceptAll' : 'rejectAll'])
      .filter((text): text is string => !!text);
    const label = own.length ? new RegExp(`^\\s*(${own.map(escapeRegExp).join('|')})\\s*$|${LABELS[choice].source}`, 'i') : LABELS[choice];
    const needsBanner = await page.evaluate(() => !!window.Consentry?.get().needsBanner).catch(() => false);
    const banner = page.locator('consentry-ui');
    // A click may go through even when Playwright reports it late (a timeout on a loaded machine): the state says.
    if (
      needsBanner &&
      ((await clickFirstVisible(banner, [], label, timeout)) || (await page.evaluate(showsChoice, choice).catch(() => false)))
    ) {
      if (await decidedBy(page, choice, 2000)) return 'click';
    }
    await page.evaluate((choice) => (choice == 'accept' ? window.Consentry!.acceptAll() : window.Consentry!.rejectAll()), choice);
    return 'api';
  }
  for (const frame of [page.mainFrame(), ...page.mainFrame().childFrames()])
    if (await clickFirstVisible(frame, KNOWN_BUTTONS[choice], LABELS[choice], frame == page.mainFrame() ? timeout : 0)) return 'click';
  return 'none';
}
