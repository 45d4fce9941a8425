import type { ReadableAtom } from 'nanostores';
import type { Settings, Texts } from '../core/config/types';
import type { UiView } from '../core/policy/api';
import type { ChoiceContext } from '../core/policy/record-for';
import type { Choices, ConsentEventName, ConsentEvents, ConsentState } from '../core/policy/types';
import type { PackValues } from '../core/texts/pack-values';

/** Answers given beside a whole decision, and where (banner or dialog) and in which language it was made. */
export type Extras = Pick<Choices, 'ageGroup' | 'crossBorder' | 'overrideSignal'> & ChoiceContext;

/** A language pack as the npm build imports it (its source object), or as a script-tag pack file ships it. */
export type LanguagePack = Partial<Texts> | PackValues;

/**
 * What the lazy UI chunk receives from the loader. The UI never touches cookies, tags or storage:
 * it reads `$state` and calls these actions, exactly as the public API does.
 */
export interface UiContext {
  settings: Settings;
  $state: ReadableAtom<ConsentState>;
  /** The age group and cross-border answers given in the same dialog travel with the decision. */
  acceptAll(extras?: Extras): void;
  /** Refusal withdraws the cross-border consent too. */
  rejectAll(extras?: Extras): void;
  /** Closing the banner with its × control: recorded as refusal (method "close"). */
  close(context?: ChoiceContext): void;
  set(choices: Choices, context?: ChoiceContext): void;
  emit<K extends ConsentEventName>(event: K, detail: ConsentEvents[K]): void;
  /** The resolved language code (config, else <html lang>, else the browser), e.g. "en", "zh", "de". */
  language: string;
  /**
   * Fetch a language pack: every language but English, which is built into the UI chunk.
   * Resolves to null when the pack does not exist or fails to load: the UI then falls back to English.
   */
  loadLanguage(lang: string): Promise<LanguagePack | null>;
}

/** The UI chunk's single export. */
export interface UiModule {
  /** Show a view; resolves once it is in the DOM. Calling again switches view. */
  show(ctx: UiContext, view: UiView): Promise<void> | void;
  hide(): void;
  /** Remove everything the UI added (shadow host, floating button, listeners). */
  unmount(): void;
}
