import type { Settings } from '../../core/config/types';
import { createClassifier } from './classify/classifier';
import { builtInTables } from './classify/tables';
import { aggregate } from './report/aggregate';
import type { ScanReport } from './report/scan-report';
import { runPages, type CrawlSettings } from './run-pages';

export interface ScanOptions extends CrawlSettings {
  /** A config to sort findings by, instead of (or for a site without) the page's own. */
  config?: Settings | null;
}

export interface ScanResult {
  report: ScanReport;
  /** The settings the findings were sorted by (the site's own, or `--config`). */
  settings: Settings | null;
}

/** `consentry scan`: crawl, visit each page before and after accepting all, and sort what was found. */
export async function runScan(options: ScanOptions): Promise<ScanResult> {
  const run = await runPages(options, 'scan');
  const settings = options.config || run.settings;
  const origin = run.start.origin;
  const findings = aggregate(run.visits, createClassifier({ tables: builtInTables, settings, siteOrigin: origin }), origin);
  const report: ScanReport = {
    tool: { name: 'consentry', version: __VERSION__ },
    startUrl: run.start.href,
    origin,
    scannedAt: new Date().toISOString(),
    durationMs: run.durationMs,
    consentry: run.visits.some((visit) => visit.consentry),
    pages: run.visits.map(({ url, depth, status, error, timedOut, consentry, consentBy }) => ({
      url,
      depth,
      status,
      error,
      timedOut,
      consentry,
      consentBy,
    })),
    ...findings,
    visits: run.visits,
  };
  return { report, settings };
}
