import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compileSettings } from '../../../core/config/compiled';
import type { Settings } from '../../../core/config/types';
import { validateConfig } from '../../../core/config/validate';
import { configJson } from '../inline-config';
import { draftConfig } from './draft-config';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import type { ScanReport } from './scan-report';
import { buildSections } from './sections';

export const OUTPUT_FILES = ['report.html', 'report.md', 'scan.json', 'consentry.config.json', 'consentry.compiled.json'] as const;

/**
 * The draft compiled (`consentry build-config --compiled`), the production form to put in the page as
 * it is; the draft stays the file to edit and compile again.
 */
const compiledDraft = (draft: unknown) => {
  try {
    return (
      configJson(
        compileSettings(
          validateConfig(draft, () => {}),
          __VERSION__,
        ),
      ) + '\n'
    );
  } catch (error) {
    // A draft the validator refuses is not compiled: the owner fixes it, then runs build-config --compiled.
    console.warn(`consentry scan: the draft config is not valid, so no consentry.compiled.json: ${(error as Error).message}`);
    return null;
  }
};

/** Writes the outputs of a scan into `dir` (created when missing); returns their paths. */
export async function writeScanOutputs(dir: string, report: ScanReport, settings: Settings | null): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const sections = buildSections(report, settings);
  const draft = draftConfig(report, settings);
  const contents: Record<(typeof OUTPUT_FILES)[number], string | null> = {
    'report.html': renderHtml(sections),
    'report.md': renderMarkdown(sections),
    'scan.json': JSON.stringify(report, null, 2) + '\n',
    // Escaped (\u003c for `<`…), so pasting the draft into the page's inline element is safe as it is.
    'consentry.config.json': configJson(draft, 2) + '\n',
    'consentry.compiled.json': compiledDraft(draft),
  };
  const paths: string[] = [];
  for (const name of OUTPUT_FILES) {
    const path = join(dir, name);
    const content = contents[name];
    if (content == null) continue;
    await writeFile(path, content);
    paths.push(path);
  }
  return paths;
}
