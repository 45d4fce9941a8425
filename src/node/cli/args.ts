import { parseArgs } from 'node:util';
import { InputError } from './errors';

export type Command = 'scan' | 'check';

export interface CliOptions {
  command: Command | 'help' | 'version';
  url: string;
  maxPages: number;
  depth: number;
  include: string[];
  exclude: string[];
  pageTimeout: number;
  settle: number;
  concurrency: number;
  chromium?: string;
  config?: string;
  out?: string;
  json: boolean;
  quiet: boolean;
  allowUnclassified: boolean;
  /** scan: skip the second, consented page load (faster; misses tags a server adds only for consented visitors). */
  noReload: boolean;
}

export const USAGE = `Usage:
  consentry scan <url> [options]    find every cookie, storage key and third-party request; sort them; draft a config
  consentry check <url> [options]   fail (exit 1) when anything non-essential shows up before consent or after "reject all"
  consentry migrate <file>          convert a vanilla-cookieconsent or klaro config (consentry migrate --help)
  consentry rewrite <in> <out>      hold tracker tags in a static site's HTML (consentry rewrite --help)
  consentry validate <config.json>  check a config with the SDK's validator: every problem at once, for CI
  consentry build-config <config.json>
                                    print the config as a <script> element safe to paste into a page

scan and check need playwright-core (npm i -D playwright-core) and Chromium (sudo apt-get install -y chromium,
or --chromium / CHROMIUM_PATH); the other commands need nothing installed.

Options:
  --out DIR             scan: write report.html, report.md, scan.json, consentry.config.json, consentry.compiled.json; check: check.json
  --max-pages N         pages to visit (scan 20, check 10)
  --depth N             link hops from the start page (scan 3, check 2)
  --include PATTERN     only follow matching paths: /blog/*, /docs/**, *.html, re:REGEX (repeatable)
  --exclude PATTERN     never follow matching paths (repeatable)
  --page-timeout MS     cut a page off after this long, report it and go on (default 15000)
  --settle MS           quiet time that counts as "done loading" (default 500)
  --concurrency N       pages at once (default 4)
  --config FILE         sort by this consentry config instead of the site's own
  --allow-unclassified  check: fail only on findings known to be non-essential
  --no-reload           scan: after accepting, do not load the page again (faster; misses tags that
                        only a consented page view gets, such as ones the server adds)
  --chromium PATH       Chromium to drive (else CHROMIUM_PATH, else /usr/bin/chromium)
  --json                print the result as JSON
  --quiet               no progress lines
  -h, --help            this text
  --version             the version

Exit codes: 0 done (check: clean), 1 check found leaks, 2 bad input (unreachable, not HTML, TLS error,
redirect to another site, missing browser, bad options).`;

const DEFAULTS: Record<Command, { maxPages: number; depth: number }> = {
  scan: { maxPages: 20, depth: 3 },
  check: { maxPages: 10, depth: 2 },
};

function count(name: string, value: string | undefined, fallback: number, min = 0, max = 100_000): number {
  if (value === undefined) return fallback;
  const number = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(number) || number < min || number > max)
    throw new InputError(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return number;
}

/** Milliseconds, also written as "20s". */
function ms(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const seconds = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return seconds ? Math.round(Number(seconds[1]) * 1000) : count(name, value, fallback, 0, 600_000);
}

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        'max-pages': { type: 'string' },
        depth: { type: 'string' },
        include: { type: 'string', multiple: true },
        exclude: { type: 'string', multiple: true },
        'page-timeout': { type: 'string' },
        settle: { type: 'string' },
        concurrency: { type: 'string' },
        config: { type: 'string' },
        chromium: { type: 'string' },
        'allow-unclassified': { type: 'boolean' },
        'no-reload': { type: 'boolean' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new InputError((error as Error).message.split('\n')[0] + '\n\n' + USAGE);
  }
  const { values, positionals } = parsed;
  const [command, url, ...extra] = positionals;
  const base = {
    url: url || '',
    include: values.include || [],
    exclude: values.exclude || [],
    chromium: values.chromium,
    config: values.config,
    out: values.out,
    json: !!values.json,
    quiet: !!values.quiet,
    allowUnclassified: !!values['allow-unclassified'],
    noReload: !!values['no-reload'],
  };
  if (values.version) return { ...base, command: 'version', maxPages: 0, depth: 0, pageTimeout: 0, settle: 0, concurrency: 1 };
  if (values.help || !command) return { ...base, command: 'help', maxPages: 0, depth: 0, pageTimeout: 0, settle: 0, concurrency: 1 };
  if (command != 'scan' && command != 'check')
    throw new InputError(`unknown command "${command}": use scan, check, migrate, rewrite, validate or build-config\n\n${USAGE}`);
  if (!url) throw new InputError(`consentry ${command} needs the URL of a page, e.g. consentry ${command} https://example.com/`);
  if (extra.length) throw new InputError(`one URL at a time; unexpected "${extra[0]}"`);
  for (const pattern of [...base.include, ...base.exclude])
    if (pattern.startsWith('re:'))
      try {
        new RegExp(pattern.slice(3));
      } catch (error) {
        throw new InputError(`pattern "${pattern}" is not a valid regular expression: ${(error as Error).message}`);
      }
  return {
    ...base,
    command,
    maxPages: count('max-pages', values['max-pages'], DEFAULTS[command].maxPages, 1, 10_000),
    depth: count('depth', values.depth, DEFAULTS[command].depth, 0, 100),
    pageTimeout: Math.max(100, ms('page-timeout', values['page-timeout'], 15_000)),
    settle: ms('settle', values.settle, 500),
    concurrency: count('concurrency', values.concurrency, 4, 1, 16),
  };
}
