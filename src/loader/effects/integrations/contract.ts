import type { ReadableAtom } from 'nanostores';
import type { Settings } from '../../../core/config/types';
import type { ConsentState } from '../../../core/policy/types';

/** What every integration is given. Integrations only read the store; they never decide anything. */
export interface IntegrationDeps {
  $state: ReadableAtom<ConsentState>;
  settings: Settings;
  /** The page's window; defaults to the global one (tests pass another). */
  window?: Window;
}

/** Undo everything an install did (listeners, globals it created, frames). */
export type Uninstall = () => void;

/** The window an integration writes to, typed loosely: integrations talk to vendors' globals by name. */
export type PageWindow = Window & { [name: string]: any };

export const pageWindow = (deps: IntegrationDeps) => (deps.window || window) as PageWindow;
