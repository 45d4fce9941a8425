import { readFile } from 'node:fs/promises';
import { InputError } from './errors';

/**
 * The text of a config file, for the validator. A file that cannot be read is an `InputError` (exit 2),
 * not an invalid config: nothing was checked. A leading byte-order mark (some Windows editors write one)
 * is dropped, as `fetch().json()` drops it for a `data-config` URL.
 */
export async function readConfigText(path: string, label = path): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new InputError(`${label}: cannot read it (${(error as NodeJS.ErrnoException).code || (error as Error).message})`);
  }
}
