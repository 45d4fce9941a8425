import { ConfigError, type ConfigProblem } from '../../core/config/errors';
import type { Settings } from '../../core/config/types';
import { validateConfig } from '../../core/config/validate';
import { catalogueHostWarnings } from './catalogue-host-warnings';
import { readConfigText } from './config-file';

/** A config file as the SDK sees it: every problem (or none) and every warning, from one run of its validator. */
export type ConfigCheck =
  | { valid: true; file: string; config: unknown; settings: Settings; problems: []; warnings: string[] }
  | { valid: false; file: string; problems: ConfigProblem[]; warnings: string[] };

/**
 * Reads and validates a config file with `validateConfig`, the code the SDK runs in the browser, so the
 * answer is the page's answer. An unreadable file throws an `InputError` (exit 2); a file that is not
 * JSON is an invalid config, as it would be in the page. The warnings add what only Node can tell: catalogue
 * hosts of a service needing a separate consent that the config leaves to its category (`catalogueHostWarnings`),
 * unless `hostsAdded` says the caller adds them (`build-config --compiled`).
 */
export async function checkConfigFile(file: string, { hostsAdded = false } = {}): Promise<ConfigCheck> {
  const text = await readConfigText(file);
  const warnings: string[] = [];
  let settings: Settings;
  try {
    settings = validateConfig(text, (warning) => warnings.push(warning));
  } catch (error) {
    if (error instanceof ConfigError) return { valid: false, file, problems: error.problems, warnings };
    throw error;
  }
  if (!hostsAdded) warnings.push(...catalogueHostWarnings(settings));
  // The owner's config as written, not the Settings with defaults: that is what goes into the page.
  // (`settings` is what `build-config --compiled` ships instead: the validator's answer itself.)
  return { valid: true, file, config: JSON.parse(text), settings, problems: [], warnings };
}

/** `  categories[2].id: must be …`, one line per problem, as the SDK's console message words them. */
export const problemLines = (problems: ConfigProblem[]) =>
  problems.map((problem) => `  ${problem.path || 'config'}: ${problem.message}\n`).join('');
