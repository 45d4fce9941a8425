import type { Browser } from 'playwright-core';
import type { Settings } from '../../../core/config/types';
import type { PageVisit } from '../types';
import { choose, type Choice } from './consent';
import { readLinks } from './links';
import { openSession, type SessionOptions } from './session';
import { takeSnapshot } from './snapshot';

export interface VisitOptions extends SessionOptions {
  /** `scan`: accept all, then load the page again. `check`: reject all, then go on to the next page. */
  mode: 'scan' | 'check';
  /** `scan`: load the page once more after accepting (default true). */
  reload?: boolean;
  /** The page a `check` goes on to after rejecting, chosen from the page's links (default: itself). */
  nextPage?: (links: string[], url: string) => string;
}

export interface VisitResult {
  visit: PageVisit;
  /** The site's consentry settings, when it runs consentry and its config loaded. */
  settings: Settings | null;
}

/** How long to look for a banner button before falling back to the API (or giving up). */
const BANNER_WAIT_MS = { consentry: 10_000, other: 600 };
const ACCEPT_PAUSE_MS = 200;
const ACCEPT_PAUSE_MAX_MS = 1000;

/**
 * One page in a fresh profile. First as a new visitor who has not chosen; then, for `scan`, after
 * accepting all (and on the next page view, when consented tags run from the start); for `check`,
 * after rejecting all, on the same page and on the next one.
 */
export async function visitPage(browser: Browser, url: string, depth: number, options: VisitOptions): Promise<VisitResult> {
  const visit: PageVisit = {
    url,
    depth,
    status: null,
    error: null,
    timedOut: false,
    consentry: false,
    consentBy: 'none',
    snapshots: [],
    links: [],
  };
  let settings: Settings | null = null;
  const session = await openSession(browser, options);
  const { page, observer } = session;
  try {
    const loaded = await session.load(url);
    Object.assign(visit, { status: loaded.status, error: loaded.error, timedOut: loaded.timedOut, consentry: loaded.consentry });
    settings = loaded.settings;
    if (loaded.error && !loaded.timedOut) return { visit, settings };
    visit.links = await readLinks(page);
    visit.snapshots.push(await takeSnapshot(page, observer, 'before-consent'));
    if (loaded.timedOut) return { visit, settings };

    const choice: Choice = options.mode == 'scan' ? 'accept' : 'reject';
    const phase = options.mode == 'scan' ? 'after-accept' : 'after-reject';
    observer.setPhase(phase);
    session.restartClock();
    visit.consentBy = await choose(page, choice, settings, visit.consentry ? BANNER_WAIT_MS.consentry : BANNER_WAIT_MS.other);

    if (options.mode == 'scan' && options.reload === false) {
      await session.settle();
      visit.snapshots.push(await takeSnapshot(page, observer, phase));
    } else if (options.mode == 'scan') {
      // What the choice starts on this page is seen again, whole, on the consented load that follows:
      // a short pause for what it sends at once is enough here.
      await observer.waitForQuiet(ACCEPT_PAUSE_MS, Math.min(ACCEPT_PAUSE_MAX_MS, session.remaining()));
      // Some tags only run when the page loads with consent already given (a server that adds them).
      const again = await session.load(url);
      if (again.timedOut) visit.error = `after accepting: ${again.error}`;
      visit.snapshots.push(await takeSnapshot(page, observer, phase));
    } else {
      await session.settle();
      visit.snapshots.push(await takeSnapshot(page, observer, phase));
      const next = options.nextPage?.(visit.links, url) || url;
      observer.setPhase('next-page-after-reject');
      const nextLoad = await session.load(next);
      if (nextLoad.error) visit.error = `next page ${next}: ${nextLoad.error}`;
      visit.snapshots.push(await takeSnapshot(page, observer, 'next-page-after-reject'));
    }
  } catch (error) {
    visit.error = (error as Error).message.split('\n')[0];
  } finally {
    await session.close();
  }
  return { visit, settings };
}
