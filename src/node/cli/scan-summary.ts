import type { ScanReport } from './report/scan-report';
import { UNCLASSIFIED } from './types';

/** What `consentry scan` prints: counts per category, then every unclassified finding by name. */
export function renderScanSummary(report: ScanReport, files: string[]): string {
  const out = [
    `consentry scan ${report.startUrl}: ${report.pages.length} page${report.pages.length == 1 ? '' : 's'} in ${(report.durationMs / 1000).toFixed(1)} s`,
  ];
  const categories = new Set([...report.cookies, ...report.storage, ...report.requests].map((finding) => finding.classification.category));
  for (const category of [...categories].sort((a, b) => (a == UNCLASSIFIED ? 1 : b == UNCLASSIFIED ? -1 : a.localeCompare(b)))) {
    const cookies = report.cookies.filter((cookie) => cookie.classification.category == category);
    const storage = report.storage.filter((item) => item.classification.category == category);
    const hosts = report.requests.filter((request) => request.classification.category == category && request.party == 'third');
    if (!cookies.length && !storage.length && !hosts.length) continue;
    out.push(
      `  ${category}: ${cookies.length} cookie${cookies.length == 1 ? '' : 's'}, ${storage.length} storage key${storage.length == 1 ? '' : 's'}, ${hosts.length} third-party host${hosts.length == 1 ? '' : 's'}`,
    );
    if (category == UNCLASSIFIED)
      for (const line of [
        ...cookies.map((cookie) => `cookie ${cookie.name} (${cookie.domain})`),
        ...storage.map((item) => `${item.type} storage ${item.key} (${item.origin})`),
        ...hosts.map((request) => `requests to ${request.host}`),
      ])
        out.push('    ' + line);
  }
  const problems = report.pages.filter((page) => page.error);
  for (const page of problems) out.push(`  ! ${page.url}: ${page.error}`);
  out.push(
    files.length
      ? 'Wrote ' + files.join(', ')
      : 'Add --out DIR for the reports (HTML, Markdown), scan.json, a draft consentry.config.json and the draft compiled, consentry.compiled.json.',
  );
  return out.join('\n') + '\n';
}
