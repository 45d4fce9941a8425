import { readFile, writeFile } from 'node:fs/promises';
import { configJson } from '../cli/inline-config';
import { compileSettings } from '../../core/config/compiled';
import { ConfigError } from '../../core/config/errors';
import { validateConfig } from '../../core/config/validate';
import { detectSource } from './detect-source';
import { extractConfigObject } from './extract-config';
import { migrateConfig } from './migrate-config';
import { MIGRATE_SOURCES, MigrateError, type MigrateSource } from './types';

export interface MigrateIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: MigrateIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

export const MIGRATE_USAGE = `Usage: consentry migrate <old-config.js|.json> [--from vanilla-cookieconsent|klaro] [--out consent.json] [--compiled]

Converts a vanilla-cookieconsent v3 or klaro config into a consentry config.
The config is printed as JSON (or written to --out); what could not be carried over is listed on stderr.
A JavaScript or TypeScript file is read, never run: CookieConsent.run({...}), var klaroConfig = {...},
export default {...}. Its parser is built in: no TypeScript (of any version) is needed.
The JSON is written with <, >, & escaped (\\u003c…), so it can be pasted into the page's inline element.
--from is guessed from the config when left out.
--compiled prints the converted config compiled (as \`consentry build-config --compiled\` does): the
production form, which the loader applies without downloading the validator. Keep the plain form too
if you mean to edit it: a compiled config is recompiled from it, never edited.
Exit codes: 0 converted, 1 --compiled and the converted config is invalid (every problem on stderr),
2 the file could not be read or is not such a config.`;

const EXIT_OK = 0;
const EXIT_INVALID_CONFIG = 1;
const EXIT_BAD_INPUT = 2;

interface MigrateArgs {
  file?: string;
  from?: MigrateSource;
  out?: string;
  help?: boolean;
  compiled?: boolean;
}

function parseArgs(argv: string[]): MigrateArgs {
  const args: MigrateArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const next = inline ?? argv[++i];
      if (next == null) throw new MigrateError(`${flag} needs a value`);
      return next;
    };
    if (flag == '--help' || flag == '-h') args.help = true;
    else if (flag == '--compiled') args.compiled = true;
    else if (flag == '--from') {
      const from = value();
      if (!MIGRATE_SOURCES.includes(from as MigrateSource)) throw new MigrateError(`--from ${from}: use ${MIGRATE_SOURCES.join(' or ')}`);
      args.from = from as MigrateSource;
    } else if (flag == '--out' || flag == '-o') args.out = value();
    else if (flag.startsWith('-')) throw new MigrateError(`unknown option ${flag}`);
    else if (args.file) throw new MigrateError('give one config file');
    else args.file = argv[i];
  }
  return args;
}

/**
 * Parses JSON, or reads the config object out of JavaScript or TypeScript with the parser bundled into
 * the command (never eval, never the project's own TypeScript, whatever its version).
 */
async function readOldConfig(file: string): Promise<{ value: unknown; notes: string[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new MigrateError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code || (error as Error).message})`);
  }
  if (/\.json$/i.test(file) || /^\s*[{[]/.test(text)) {
    try {
      return { value: JSON.parse(text), notes: [] };
    } catch (error) {
      if (/\.json$/i.test(file)) throw new MigrateError(`${file}: not valid JSON (${(error as Error).message})`);
    }
  }
  return extractConfigObject(text, file);
}

/**
 * `consentry migrate <file>`: prints the converted config as JSON on stdout (or writes --out) and one
 * "note:" line per thing not carried over on stderr. Returns the exit code: 0 converted, 2 bad input.
 */
export async function runMigrate(argv: string[], io: MigrateIo = processIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.help) return (io.stdout(MIGRATE_USAGE + '\n'), EXIT_OK);
    if (!args.file) throw new MigrateError('give the old config file\n\n' + MIGRATE_USAGE);
    const old = await readOldConfig(args.file);
    const from = args.from ?? detectSource(old.value);
    if (!from) throw new MigrateError(`${args.file}: neither a vanilla-cookieconsent nor a klaro config; say which with --from`);
    const { config, notes } = migrateConfig(old.value, from);
    let output: unknown = config;
    if (args.compiled) {
      try {
        output = compileSettings(
          validateConfig(config, (warning) => io.stderr(`warning: ${warning}\n`)),
          __VERSION__,
        );
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        io.stderr(
          `consentry migrate: the converted config is invalid, ${error.problems.length} problem(s); run without --compiled, fix it, then consentry build-config --compiled\n`,
        );
        for (const problem of error.problems) io.stderr(`  ${problem.path || 'config'}: ${problem.message}\n`);
        return EXIT_INVALID_CONFIG;
      }
    }
    // Escaped (\u003c for `<`…): old banner texts are HTML, and the JSON may be pasted into the page inline.
    const json = configJson(output, args.compiled ? undefined : 2) + '\n';
    if (args.out) await writeFile(args.out, json);
    else io.stdout(json);
    for (const line of [...old.notes, ...notes]) io.stderr(`note: ${line}\n`);
    io.stderr(
      `consentry migrate: converted a ${from} config${args.out ? ` into ${args.out}` : ''}; ${notes.length + old.notes.length} note(s). Check the texts, and change the markings the notes name.` +
        (args.compiled ? '\n' : ` To put it in a page, compiled: consentry build-config ${args.out || '<saved file>'} --compiled\n`),
    );
    return EXIT_OK;
  } catch (error) {
    if (error instanceof MigrateError) io.stderr(`consentry migrate: ${error.message}\n`);
    else io.stderr(`consentry migrate: unexpected error: ${(error as Error)?.stack || error}\n`);
    return EXIT_BAD_INPUT;
  }
}
