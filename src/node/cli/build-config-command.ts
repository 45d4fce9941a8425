import { checkConfigFile, problemLines } from './config-check';
import { parseCommandArgs } from './config-command-args';
import { EXIT_BAD_INPUT, EXIT_INVALID_CONFIG, EXIT_OK, InputError } from './errors';
import { compileSettings } from '../../core/config/compiled';
import { withCatalogueHosts } from '../classify/catalogue-service-hosts';
import { configJson, inlineConfigElement } from './inline-config';
import type { Io } from './main';

export const BUILD_CONFIG_USAGE = `Usage: consentry build-config <config.json> [--compiled] [--json] [--nonce VALUE]

Validates the config (as \`consentry validate\` does), then prints it in the form to paste into a page:
the complete <script type="application/json" id="consentry-config"> element, compact, with <, >, & and
U+2028/U+2029 written as \\u003c, \\u003e, \\u0026, \\u2028, \\u2029. The config means the same, and no
text in it (a banner text with "</script>" in it) can end the element early.

  --compiled     print the compiled config, the production form: the validated settings with every
                 default filled in, marked with this release and a hash. The loader applies it after a
                 cheap check, without downloading the validator (a lighter first visit); compile again
                 after editing the config or upgrading consentry (another release's is refused).
                 A service whose id is a vendor of consentry's catalogue (google-analytics,
                 meta-pixel, baidu-tongji, …) gets the vendor's hosts added to its hosts, so
                 they wait for the service's own grant (its separate consents too)
  --json         print only the escaped JSON, for a template that writes the element itself
                 (consentry build-config consent.json --compiled --json > consent.compiled.json)
  --nonce VALUE  add nonce="VALUE": the page's CSP nonce, or your template's placeholder for it
                 (--nonce '{{ cspNonce }}'); it cannot contain a double quote
  -h, --help     this text

Exit codes: 0 printed, 1 invalid config (every problem on stderr, nothing printed),
2 bad usage or the file cannot be read.`;

/** The forms `build-config` prints. One flag per form, so a new one is another flag, not a new command. */
type Form = 'inline' | 'json';

/** `consentry build-config <config.json>`: the config, validated (and compiled), as safe inline markup (or JSON). */
export async function runBuildConfig(argv: string[], io: Io): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, BUILD_CONFIG_USAGE, { nonce: true });
    if (values.help) return (io.stdout(BUILD_CONFIG_USAGE + '\n'), EXIT_OK);
    const form: Form = values.json ? 'json' : 'inline';
    if (values.nonce !== undefined && form != 'inline') throw new InputError('--nonce is for the element: leave it out with --json');
    if (values.nonce !== undefined && (!values.nonce || values.nonce.includes('"')))
      throw new InputError('--nonce needs a value without a double quote (")');
    const check = await checkConfigFile(positionals[0], { hostsAdded: !!values.compiled });
    for (const warning of check.warnings) io.stderr(`warning: ${warning}\n`);
    if (!check.valid) {
      io.stderr(`consentry build-config: ${check.file}: invalid, ${check.problems.length} problem(s)\n${problemLines(check.problems)}`);
      return EXIT_INVALID_CONFIG;
    }
    // Compiled, a service that is a catalogue vendor holds the vendor's hosts too (declared ones first): the
    // loader has no vendor ids, and would otherwise release them on the service's category alone.
    const config = values.compiled ? compileSettings(withCatalogueHosts(check.settings), __VERSION__) : check.config;
    io.stdout((form == 'json' ? configJson(config) : inlineConfigElement(config, { nonce: values.nonce })) + '\n');
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`consentry build-config: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
}
