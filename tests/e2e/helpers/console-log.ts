import type { Page } from 'playwright-core';

export interface ConsoleLog {
  /** console.error lines, then uncaught errors as "pageerror: <message>", in the order they came. */
  errors: string[];
  warnings: string[];
}

/**
 * What a page says in its console from now on. `resourceErrors: false` leaves out the browser's own
 * "Failed to load resource" lines (a held or refused request is not an error of ours to count).
 */
export function listenToConsole(page: Page, { resourceErrors = true } = {}): ConsoleLog {
  const log: ConsoleLog = { errors: [], warnings: [] };
  page.on('console', (message) => {
    if (message.type() === 'warning') log.warnings.push(message.text());
    else if (message.type() === 'error' && (resourceErrors || !message.text().startsWith('Failed to load resource')))
      log.errors.push(message.text());
  });
  page.on('pageerror', (error) => log.errors.push('pageerror: ' + error.message));
  return log;
}
