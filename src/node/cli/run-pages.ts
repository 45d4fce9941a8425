import type { Settings } from '../../core/config/types';
import { launchBrowser } from './browser/launch';
import { findScannerTools } from './browser/scanner-tools';
import { crawl } from './crawl/crawl';
import { preflight } from './crawl/preflight';
import { parseStartUrl } from './crawl/start-url';
import { createUrlFilter } from './crawl/url-pattern';
import { InputError } from './errors';
import { visitPage, type VisitOptions } from './page/visit-page';
import type { PageVisit } from './types';

export interface CrawlSettings {
  url: string;
  maxPages: number;
  depth: number;
  include: string[];
  exclude: string[];
  /** ms per page load (and per choice with what follows it). */
  pageTimeout: number;
  /** ms without requests after which a page counts as settled. */
  settle: number;
  concurrency: number;
  /** scan: skip the consented reload. */
  noReload?: boolean;
  chromium?: string;
  /** One line per page, as it is done. */
  log?: (line: string) => void;
}

export interface PagesRun {
  start: URL;
  visits: PageVisit[];
  /** The site's consentry settings, from the first page that had them. */
  settings: Settings | null;
  durationMs: number;
}

function emptyVisit(url: string, depth: number, error: string): PageVisit {
  return { url, depth, status: null, error, timedOut: false, consentry: false, consentBy: 'none', snapshots: [], links: [] };
}

/**
 * The part `scan` and `check` share: check the start URL, start Chromium, then crawl the site and
 * visit each page in its own profile. A start URL that cannot be scanned is an `InputError` (exit 2);
 * a later page that fails is reported in its visit and the crawl goes on.
 */
export async function runPages(options: CrawlSettings, mode: VisitOptions['mode']): Promise<PagesRun> {
  const began = Date.now();
  const typed = parseStartUrl(options.url);
  // What must be installed is said before any request goes to the site.
  const tools = await findScannerTools({ command: mode, flag: options.chromium });
  const { url: start } = await preflight(typed, { timeout: options.pageTimeout });
  const browser = await launchBrowser(tools);
  const filter = createUrlFilter(options);
  let settings: Settings | null = null;
  const visitOptions: VisitOptions = {
    mode,
    origin: start.origin,
    pageTimeout: options.pageTimeout,
    settle: options.settle,
    reload: !options.noReload,
    nextPage: (links, url) =>
      links.map((link) => link.split('#')[0]).find((link) => link != url && link.startsWith(start.origin + '/') && filter(new URL(link))) ||
      url,
  };
  let done = 0;
  try {
    const visits = await crawl({
      start,
      maxPages: options.maxPages,
      maxDepth: options.depth,
      concurrency: options.concurrency,
      filter,
      visit: async (url, depth) => {
        let visit: PageVisit;
        try {
          if (depth > 0) await preflight(new URL(url), { timeout: options.pageTimeout });
          const result = await visitPage(browser, url, depth, visitOptions);
          visit = result.visit;
          settings ||= result.settings;
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          visit = emptyVisit(url, depth, error.message);
        }
        done++;
        options.log?.(`[${done}] ${url}${visit.error ? ' — ' + visit.error : ''}`);
        return { result: visit, links: visit.links };
      },
    });
    const first = visits[0];
    if (first?.error && !first.timedOut && !first.snapshots.length) throw new InputError(`${first.url}: ${first.error}`);
    return { start, visits, settings, durationMs: Date.now() - began };
  } finally {
    await browser.close().catch(() => {});
  }
}
