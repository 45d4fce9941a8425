import type { Settings } from '../../../core/config/types';
import { createClassifier } from '../classify/classifier';
import { builtInTables } from '../classify/tables';
import { runPages, type CrawlSettings } from '../run-pages';
import type { CheckReport } from './check-report';
import { findLeaks } from './find-leaks';

export interface CheckOptions extends CrawlSettings {
  /** A config to sort findings by, instead of (or for a site without) the page's own. */
  config?: Settings | null;
  allowUnclassified?: boolean;
}

/**
 * `consentry check`: for each page, a new visitor first, then one who rejects all (on that page and
 * the next). Anything non-essential that shows up is a leak; `passed` is false when there is one.
 */
export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const run = await runPages(options, 'check');
  const classifier = createClassifier({ tables: builtInTables, settings: options.config || run.settings, siteOrigin: run.start.origin });
  const pages = run.visits.map((visit) => ({
    url: visit.url,
    consentry: visit.consentry,
    consentBy: visit.consentBy,
    error: visit.error,
    timedOut: visit.timedOut,
    leaks: findLeaks(visit, classifier, { siteOrigin: run.start.origin, allowUnclassified: options.allowUnclassified }),
  }));
  return {
    tool: { name: 'consentry', version: __VERSION__ },
    startUrl: run.start.href,
    origin: run.start.origin,
    checkedAt: new Date().toISOString(),
    durationMs: run.durationMs,
    passed: pages.every((page) => !page.leaks.length),
    pages,
  };
}
