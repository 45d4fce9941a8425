import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Settings } from '../../../core/config/types';
import { configJson } from '../inline-config';
import { draftConfig } from './draft-config';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import type { ScanReport } from './scan-report';
import { buildSections } from './sections';

export const OUTPUT_FILES = ['report.html', 'report.md', 'scan.json', 'consentry.config.json'] as const;

/** Writes the four outputs of a scan into `dir` (created when missing); returns their paths. */
export async function writeScanOutputs(dir: string, report: ScanReport, settings: Settings | null): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const sections = buildSections(report, settings);
  const contents: Record<(typeof OUTPUT_FILES)[number], string> = {
    'report.html': renderHtml(sections),
    'report.md': renderMarkdown(sections),
    'scan.json': JSON.stringify(report, null, 2) + '\n',
    // Escaped (\u003c for `<`…), so pasting the draft into the page's inline element is safe as it is.
    'consentry.config.json': configJson(draftConfig(report, settings), 2) + '\n',
  };
  const paths: string[] = [];
  for (const name of OUTPUT_FILES) {
    const path = join(dir, name);
    await writeFile(path, contents[name]);
    paths.push(path);
  }
  return paths;
}
