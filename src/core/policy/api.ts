import type { ReadableAtom } from 'nanostores';
import type { Settings } from '../config/types';
import type { Choices, ConsentEventName, ConsentEvents, ConsentState } from './types';

export type Unsubscribe = () => void;
/** `notice`: the small note that an opt-out preference signal was honoured (opt-out regions). */
export type UiView = 'banner' | 'preferences' | 'notice';

/** The public, typed API: the same object in the npm build and as `window.Consentry` in the script-tag build. */
export interface Consent {
  readonly settings: Settings;
  /** The store: subscribe from any framework (see `useConsent` for Preact). */
  readonly $state: ReadableAtom<ConsentState>;
  get(): ConsentState;
  /** A category id or a service id. A service is granted when its category is, unless refused on its own. */
  isGranted(categoryOrService: string): boolean;
  /**
   * Grant every category. Like `rejectAll`, `set` and `reset`, it applies at once in the npm build. In the
   * script-tag build the code that stores a choice is fetched on demand: on a page that has not needed it yet
   * (a returning visitor who has not opened the banner or dialog) the choice lands when it has come, a few
   * milliseconds later. Listen to `consent` (or `$state`) rather than reading the state right after the call.
   */
  acceptAll(): void;
  rejectAll(): void;
  /** Record a custom choice; categories left out are refused. */
  set(choices: Choices): void;
  /** Forget the choice (cookie removed) and ask again. */
  reset(): void;
  /** Resolves once shown; rejects with the config's error when the config failed (invalid, or could not be loaded). */
  showBanner(): Promise<void>;
  /** Resolves once shown; rejects with the config's error when the config failed (invalid, or could not be loaded). */
  showPreferences(): Promise<void>;
  hide(): void;
  on<K extends ConsentEventName>(event: K, listener: (detail: ConsentEvents[K]) => void): Unsubscribe;
  /** Remove observers, listeners and UI; blocked tags stay blocked. */
  destroy(): void;
}
