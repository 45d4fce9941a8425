import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../../core/config/errors';
import type { Settings } from '../../core/config/types';
import { validateConfig } from '../../core/config/validate';
import { parseCli, USAGE } from './args';
import { renderCheck } from './check/check-report';
import { runCheck } from './check/run-check';
import { readConfigText } from './config-file';
import { EXIT_BAD_INPUT, EXIT_LEAKS, EXIT_OK, InputError } from './errors';
import { writeScanOutputs } from './report/write-outputs';
import { runScan } from './scan';
import { renderScanSummary } from './scan-summary';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

async function readConfig(path: string): Promise<Settings> {
  const text = await readConfigText(path, `--config ${path}`);
  try {
    return validateConfig(text);
  } catch (error) {
    if (error instanceof ConfigError) throw new InputError(`--config ${path}: ${error.message}`);
    throw error;
  }
}

/** The whole CLI as a function: arguments in, exit code out (0 done/clean, 1 leaks, 2 bad input). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  try {
    const options = parseCli(argv);
    if (options.command == 'help') return (io.stdout(USAGE + '\n'), EXIT_OK);
    if (options.command == 'version') return (io.stdout(__VERSION__ + '\n'), EXIT_OK);
    const config = options.config ? await readConfig(options.config) : null;
    const log = options.quiet || options.json ? undefined : (line: string) => io.stderr(line + '\n');
    const crawlOptions = { ...options, config, log };

    if (options.command == 'scan') {
      const { report, settings } = await runScan(crawlOptions);
      const files = options.out ? await writeScanOutputs(options.out, report, settings) : [];
      io.stdout(options.json ? JSON.stringify(report, null, 2) + '\n' : renderScanSummary(report, files));
      return EXIT_OK;
    }

    const report = await runCheck(crawlOptions);
    if (options.out) {
      await mkdir(options.out, { recursive: true });
      await writeFile(join(options.out, 'check.json'), JSON.stringify(report, null, 2) + '\n');
    }
    io.stdout(options.json ? JSON.stringify(report, null, 2) + '\n' : renderCheck(report));
    return report.passed ? EXIT_OK : EXIT_LEAKS;
  } catch (error) {
    if (error instanceof InputError) io.stderr(`consentry: ${error.message}\n`);
    else io.stderr(`consentry: unexpected error: ${(error as Error)?.stack || error}\n`);
    return EXIT_BAD_INPUT;
  }
}
