import type { ReadableAtom } from 'nanostores';
import type { Settings } from '../../core/config/types';
import type { ConsentEventName, ConsentEvents, ConsentState } from '../../core/policy/types';
import type { ClassifyingSettings, ResolvedNeed } from '../../core/classify/need';

export type { ClassifyingSettings, Need, ResolvedNeed } from '../../core/classify/need';

/** What each blocking effect is given by the loader. */
export interface BlockingHost {
  /** Grants; every effect subscribes. */
  $state: ReadableAtom<ConsentState>;
  /**
   * null until a valid config is known (it may come from an async fetch, or be invalid): meanwhile every
   * cross-origin tag is held too, and re-evaluated when settings arrive.
   */
  $settings: ReadableAtom<Settings | null>;
  emit: <K extends ConsentEventName>(event: K, detail: ConsentEvents[K]) => void;
  /**
   * Tell the site owner about a mistake that fails safe but would otherwise go unnoticed (console.warn,
   * prefixed "consentry: "), once per distinct message however often the page repeats it.
   */
  warn?: (message: string) => void;
  /** A held iframe/video/audio/embed/object: the loader renders a placeholder (lazily); `loadOnce(el)` activates one. */
  onHeldEmbed?: (el: Element, need: ResolvedNeed) => void;
  /**
   * While a config is being validated: its rules and services read leniently, used only to decide which
   * unmarked tags wait. Nothing is granted from them.
   */
  provisional?: ClassifyingSettings | null;
  /**
   * The loader tag's nonce, read at boot ('' or absent without one). With one, a held script is activated
   * only if it carries it: otherwise injected held-form markup would run under 'strict-dynamic'.
   */
  nonce?: string;
  /** Set while a config is fetched or validated; settles once it applied or failed. */
  configuring?: Promise<void>;
}

export type Uninstall = () => void;
