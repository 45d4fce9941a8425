import { parseArgs } from 'node:util';
import { InputError } from './errors';

/**
 * The arguments of `validate` and `build-config`: one config file, `--json`, `--help`, and for
 * build-config `--nonce` and `--compiled`. A usage mistake is an `InputError` (exit 2) that ends with the usage text.
 */
export function parseCommandArgs(argv: string[], usage: string, { nonce = false } = {}) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...(nonce ? { nonce: { type: 'string' }, compiled: { type: 'boolean' } } : {}),
      },
    });
  } catch (error) {
    throw new InputError(`${(error as Error).message.split('\n')[0]}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (!values.help && positionals.length != 1)
    throw new InputError(
      `${positionals.length ? `one config file at a time; unexpected "${positionals[1]}"` : 'give the config file'}\n\n${usage}`,
    );
  return { values: values as { json?: boolean; help?: boolean; nonce?: string; compiled?: boolean }, positionals };
}
