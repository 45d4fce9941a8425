import { checkConfigFile, problemLines, type ConfigCheck } from './config-check';
import { parseCommandArgs } from './config-command-args';
import { EXIT_BAD_INPUT, EXIT_INVALID_CONFIG, EXIT_OK, InputError } from './errors';
import type { Io } from './main';

export const VALIDATE_USAGE = `Usage: consentry validate <config.json> [--json]

Checks a consentry config with the SDK's own validator (the code that runs in the browser) and lists
every problem at once, each with where it is. Warnings (advice that does not make the config invalid)
are listed too. Nothing needs to be installed.

  --json      print {"file", "valid", "problems": [{"path", "message"}], "warnings": [...]} instead
  -h, --help  this text

Exit codes: 0 valid (warnings do not fail it), 1 invalid, 2 bad usage or the file cannot be read.`;

function render(check: ConfigCheck): string {
  const warnings = check.warnings.map((warning) => `warning: ${warning}\n`).join('');
  if (check.valid) return `${check.file}: valid${check.warnings.length ? `, ${check.warnings.length} warning(s)` : ''}\n${warnings}`;
  return `${check.file}: invalid, ${check.problems.length} problem(s)\n${problemLines(check.problems)}${warnings}`;
}

/** `consentry validate <config.json>`: for CI. Exit 0 valid, 1 invalid, 2 usage or unreadable file. */
export async function runValidate(argv: string[], io: Io): Promise<number> {
  const json = argv.includes('--json');
  let file: string | null = null;
  try {
    const { values, positionals } = parseCommandArgs(argv, VALIDATE_USAGE);
    if (values.help) return (io.stdout(VALIDATE_USAGE + '\n'), EXIT_OK);
    file = positionals[0];
    const check = await checkConfigFile(file);
    const { valid, problems, warnings } = check;
    io.stdout(json ? JSON.stringify({ file, valid, problems, warnings }, null, 2) + '\n' : render(check));
    return valid ? EXIT_OK : EXIT_INVALID_CONFIG;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // A pipeline that asked for JSON gets JSON, whatever happened.
    if (json) io.stdout(JSON.stringify({ file, valid: null, error: error.message.split('\n')[0] }, null, 2) + '\n');
    io.stderr(`consentry validate: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
}
