import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { createRewriter, type RewriterOptions } from './create-rewriter';
import type { HeldTag } from './document-gate';

export interface RewriteDirectoryOptions extends Omit<RewriterOptions, 'grantedCategories' | 'onHeld'> {
  /** The site's URL (e.g. "https://example.com/"): page URLs are derived from file paths. */
  siteUrl?: string;
  /** Extensions rewritten as HTML. Default .html and .htm. */
  extensions?: string[];
  onHeld?: (tag: HeldTag, file: string) => void;
}

export interface RewriteDirectoryResult {
  /** Files written to the output (HTML and copied). */
  files: number;
  htmlFiles: number;
  /** HTML files in which at least one tag was held. */
  changedFiles: number;
  heldTags: number;
  /** HTML files copied unchanged because they are not UTF-8 (relative paths). */
  notUtf8: string[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * For static sites: every HTML file under `inDir` rewritten into `outDir` (always-rewrite mode: no
 * visitor, no cookie), everything else copied. `outDir` may equal `inDir` (in place), and may lie inside
 * it (it is then not walked). Backs the `consentry rewrite <in-dir> <out-dir>` command.
 */
export async function rewriteDirectory(inDir: string, outDir: string, options: RewriteDirectoryOptions): Promise<RewriteDirectoryResult> {
  const from = resolve(inDir);
  const to = resolve(outDir);
  const extensions = (options.extensions || ['.html', '.htm']).map((ext) => ext.toLowerCase());
  const result: RewriteDirectoryResult = { files: 0, htmlFiles: 0, changedFiles: 0, heldTags: 0, notUtf8: [] };
  let heldInFile = 0;
  let currentFile = '';
  const rewriter = createRewriter({
    ...options,
    grantedCategories: [],
    onHeld: (tag) => {
      heldInFile++;
      options.onHeld?.(tag, currentFile);
    },
  });

  const walk = async (dir: string): Promise<void> => {
    const target = join(to, relative(from, dir));
    await mkdir(target, { recursive: true });
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const source = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (from === to || source !== to) await walk(source);
        continue;
      }
      if (!entry.isFile()) continue;
      const destination = join(target, entry.name);
      result.files++;
      if (!extensions.includes(extname(entry.name).toLowerCase())) {
        if (source !== destination) await copyFile(source, destination);
        continue;
      }
      result.htmlFiles++;
      currentFile = relative(from, source);
      heldInFile = 0;
      const path = '/' + currentFile.split(sep).join('/');
      const bytes = await readFile(source);
      let text: string;
      try {
        text = strictUtf8.decode(bytes);
      } catch {
        result.notUtf8.push(currentFile);
        if (source !== destination) await writeFile(destination, bytes);
        continue;
      }
      const html = rewriter.rewrite(text, { url: options.siteUrl ? new URL(path, options.siteUrl).href : undefined });
      result.heldTags += heldInFile;
      if (heldInFile) result.changedFiles++;
      if (heldInFile || source !== destination) await writeFile(destination, html);
    }
  };
  await walk(from);
  return result;
}
