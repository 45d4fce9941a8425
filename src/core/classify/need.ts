import type { Settings } from '../config/types';

/** What a held tag waits for. A service alone takes its category from the config. */
export interface Need {
  category?: string;
  service?: string;
}

/** A need whose category is known (what a placeholder shows). */
export interface ResolvedNeed {
  category: string;
  service?: string;
}

/** What classifying a URL reads from Settings. */
export interface ClassifyingSettings {
  blocking: Pick<Settings['blocking'], 'autoBlock' | 'rules'> & Partial<Pick<Settings['blocking'], 'thirdParty' | 'unknownCategory'>>;
  services: Array<Pick<Settings['services'][number], 'id' | 'category' | 'hosts'>>;
}
