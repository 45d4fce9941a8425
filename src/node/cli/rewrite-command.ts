import { readFile } from 'node:fs/promises';
// The public entry, not its parts: the build points this import at dist/rewrite.mjs, so the package
// carries one copy of the rewriter and parse5, not two (rollup.config.mjs, rewriteFromPackage).
import { rewriteDirectory, validateConfig } from '../rewrite/index';
import type { Io } from './main';

export const REWRITE_USAGE = `Usage: consentry rewrite <in-dir> <out-dir> [--config consent.json] [--site-url https://example.com/]
Holds every unmarked tracker tag of a static site in its gated form, so not even the preload scanner
fetches it before consent. Pages without trackers are copied byte-identical.`;

/** `consentry rewrite`: the static-site adapter of the HTML rewriter. Exit 0 done, 2 bad input. */
export async function runRewrite(argv: string[], io: Io): Promise<number> {
  const positional: string[] = [];
  let configPath = '';
  let siteUrl: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--config') configPath = argv[++i] || '';
    else if (argv[i] === '--site-url') siteUrl = argv[++i];
    else if (argv[i] === '--help' || argv[i] === '-h') return (io.stdout(REWRITE_USAGE + '\n'), 0);
    else positional.push(argv[i]);
  }
  if (positional.length !== 2 || (argv.includes('--config') && !configPath)) {
    io.stderr(REWRITE_USAGE + '\n');
    return 2;
  }
  try {
    const settings = validateConfig(configPath ? await readFile(configPath, 'utf8') : {});
    const result = await rewriteDirectory(positional[0], positional[1], { settings, siteUrl });
    io.stdout(`${result.htmlFiles} HTML file(s) of ${result.files}: ${result.changedFiles} changed, ${result.heldTags} tag(s) held\n`);
    for (const file of result.notUtf8) io.stderr(`consentry: ${file} is not UTF-8 and was copied unchanged\n`);
    return 0;
  } catch (error) {
    io.stderr(`consentry: ${(error as Error).message}\n`);
    return 2;
  }
}
