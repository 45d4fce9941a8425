import type { Phase } from '../types';
import type { Leak } from './find-leaks';
import { pagePath } from '../report/sections';

export interface CheckedPage {
  url: string;
  consentry: boolean;
  consentBy: 'api' | 'click' | 'none';
  error: string | null;
  timedOut: boolean;
  leaks: Leak[];
}

export interface CheckReport {
  tool: { name: 'consentry'; version: string };
  startUrl: string;
  origin: string;
  checkedAt: string;
  durationMs: number;
  passed: boolean;
  pages: CheckedPage[];
}

const PHASE_TEXT: Record<Phase, string> = {
  'before-consent': 'before any choice',
  'after-reject': 'after "reject all", same page',
  'next-page-after-reject': 'after "reject all", next page',
  'after-accept': 'after "accept all"',
};

/** The console verdict: per page what leaked, when, and who caused it; then one closing line. */
export function renderCheck(report: CheckReport): string {
  const out: string[] = [`consentry check ${report.startUrl}`];
  for (const page of report.pages) {
    const path = pagePath(page.url, report.origin);
    const notes = [
      page.consentry ? '' : 'consentry not found on this page',
      page.error || '',
      page.consentry && page.consentBy != 'none'
        ? 'rejected through ' + (page.consentBy == 'click' ? 'the banner' : 'window.Consentry')
        : '',
    ].filter(Boolean);
    out.push(`${page.leaks.length ? '✗' : page.error ? '!' : '✓'} ${path}${notes.length ? '  (' + notes.join('; ') + ')' : ''}`);
    for (const phase of Object.keys(PHASE_TEXT) as Phase[]) {
      const leaks = page.leaks.filter((leak) => leak.phase == phase);
      if (!leaks.length) continue;
      const onPage = leaks[0].page != page.url ? ' on ' + pagePath(leaks[0].page, report.origin) : '';
      out.push(`    ${PHASE_TEXT[phase]}${onPage}:`);
      for (const leak of leaks) {
        const what = leak.kind == 'request' ? `request ${leak.name}` : `${leak.kind} ${leak.name} (${leak.where})`;
        const sort = leak.category + (leak.provider ? ', ' + leak.provider : '');
        out.push(`      ${what} [${sort}] — ${leak.from}${leak.keptAfterReject ? '; still there after "reject all"' : ''}`);
      }
    }
  }
  const leaks = report.pages.reduce((sum, page) => sum + page.leaks.length, 0);
  const failing = report.pages.filter((page) => page.leaks.length).length;
  out.push(
    report.passed
      ? `PASS: nothing non-essential before consent or after "reject all" on ${report.pages.length} page${report.pages.length == 1 ? '' : 's'}`
      : `FAIL: ${leaks} leak${leaks == 1 ? '' : 's'} on ${failing} of ${report.pages.length} page${report.pages.length == 1 ? '' : 's'}`,
  );
  return out.join('\n') + '\n';
}
