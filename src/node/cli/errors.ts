/** Exit codes of the CLI: 0 clean, 1 `check` found leaks, 2 the input could not be scanned. */
export const EXIT_OK = 0;
export const EXIT_LEAKS = 1;
/** `validate` and `build-config`: the file was read and the config is invalid (1, as a failed check). */
export const EXIT_INVALID_CONFIG = 1;
export const EXIT_BAD_INPUT = 2;

/**
 * Something about the command line or the target site keeps us from scanning: an unreachable URL,
 * a TLS error, a non-HTML answer, a redirect off the site, a missing browser. One readable line; exit 2.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
