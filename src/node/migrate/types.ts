import type { ConsentryConfig } from '../../core/config/types';

/** The consent tools whose configs `migrateConfig` converts. */
export type MigrateSource = 'vanilla-cookieconsent' | 'klaro';

export const MIGRATE_SOURCES: readonly MigrateSource[] = ['vanilla-cookieconsent', 'klaro'];

export interface MigrateResult {
  /** A consentry config that passes `validateConfig`. */
  config: ConsentryConfig;
  /** What could not be carried over, or was changed on the way, each naming where in the old config. */
  notes: string[];
}

/** Thrown when the input is not a config of the named tool at all (nothing could be converted). */
export class MigrateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrateError';
  }
}

/** A plain object read from an old config: only its own keys count. */
export type Loose = { [key: string]: unknown };
