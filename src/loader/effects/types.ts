import type { ReadableAtom } from 'nanostores';
import type { Settings } from '../../core/config/types';
import type { ConsentEventName, ConsentEvents, ConsentState } from '../../core/policy/types';
import type { ResolvedNeed } from '../../core/classify/need';
import type { ConfigPhase } from '../config-phase';

export type { ClassifyingSettings, Need, ResolvedNeed } from '../../core/classify/need';

/** What each blocking effect is given by the loader. */
export interface BlockingDeps {
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
  /** Whether a config is on its way, and the rules read leniently from it meanwhile (config-phase.ts). */
  $configPhase: ReadableAtom<ConfigPhase>;
  /**
   * The loader tag's nonce, read at boot ('' or absent without one). With one, a held script is activated
   * only if it carries it: otherwise injected held-form markup would run under 'strict-dynamic'.
   */
  nonce?: string;
}

export type Uninstall = () => void;

/** The window a guard is installed in: the page's own, or a same-origin frame's (./frame-guards.ts). */
export type Win = Window & typeof globalThis;
