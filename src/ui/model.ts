import type { Settings } from '../core/config/types';
import type { AgeGroup, ConsentState } from '../core/policy/types';
import type { Draft } from './draft';
import type { UiTexts } from '../core/texts/page-texts';

/** Everything the components show. Components are pure functions of it: no state of their own. */
export interface UiModel {
  settings: Settings;
  state: ConsentState;
  texts: UiTexts;
  /** Language shown (BCP 47 primary subtag). */
  lang: string;
  /** Texts that fell back to English in another language's UI (see resolve-texts.ts). */
  english?: { [key: string]: boolean };
  draft: Draft;
  /** Category ids whose services and cookies are unfolded. */
  expanded: { [id: string]: boolean };
  /** What the polite live region says (the banner, once it has appeared). */
  announcement: string;
}

/** What the components can ask for; the controller turns these into the context's actions. */
export interface UiActions {
  acceptAll(): void;
  rejectAll(): void;
  /** The banner's ×: a refusal. */
  close(): void;
  customize(): void;
  /** Leave the dialog without deciding (×, Escape). */
  dismiss(): void;
  save(): void;
  toggle(category: string): void;
  expand(category: string): void;
  ageGroup(group: AgeGroup): void;
  crossBorder(): void;
  /** Keyboard while the banner (focus inside it) or a modal is shown: Escape, and the Tab trap of `element`. */
  key(event: KeyboardEvent, element: HTMLElement): void;
}

/** The `lang` attribute for a text: "en" where it fell back to English, else inherited. */
export const langOf = (model: UiModel, key: string): string | undefined => (model.english?.[key] ? 'en' : undefined);

export interface UiProps {
  model: UiModel;
  on: UiActions;
}
