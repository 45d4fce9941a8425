import type { Settings } from '../core/config/types';
import { refusedBySignal } from '../core/policy/decide';
import type { AgeGroup, Choices, ConsentState, PreferenceSignal } from '../core/policy/types';

/** What the visitor has set in the preferences dialog but not saved yet. */
export interface Draft {
  /** Optional categories only; essential is never the visitor's to switch. */
  categories: { [id: string]: boolean };
  crossBorder: boolean;
  ageGroup?: AgeGroup;
}

const ADVERTISING = 'advertising';

/**
 * Starts from what is in force: off unless granted. In opt-in regions that means off until the visitor
 * said yes (never pre-ticked); in opt-out regions it shows honestly what runs until they object.
 */
export function initialDraft(settings: Settings, state: ConsentState): Draft {
  const categories: Draft['categories'] = {};
  for (const { id, required } of settings.categories) if (!required) categories[id] = !!state.categories[id];
  return { categories, crossBorder: !!state.record?.crossBorder, ageGroup: state.record?.ageGroup };
}

/** A minor's advertising stays off: it needs a parent's or guardian's consent, not the visitor's. */
export function isLockedForMinor(draft: Draft, id: string): boolean {
  return id === ADVERTISING && draft.ageGroup === 'minor';
}

export function withCategory(draft: Draft, id: string, granted: boolean): Draft {
  if (isLockedForMinor(draft, id) || !(id in draft.categories)) return draft;
  return { ...draft, categories: { ...draft.categories, [id]: granted } };
}

export function withAgeGroup(draft: Draft, ageGroup: AgeGroup): Draft {
  const next = { ...draft, ageGroup };
  return ageGroup === 'minor' && ADVERTISING in draft.categories
    ? { ...next, categories: { ...draft.categories, [ADVERTISING]: false } }
    : next;
}

/**
 * A switch the visitor's signal refuses, turned on in the dialog that says doing so overrides the signal:
 * an explicit choice, so saving it overrides the signal.
 */
export function overridesSignal(draft: Draft, signal: PreferenceSignal | null | undefined): boolean {
  return Object.keys(draft.categories).some((id) => draft.categories[id] && refusedBySignal(signal, id));
}

/** "Save choices": exactly the switches as set, plus the separate questions the site asks. */
export function choicesFromDraft(settings: Settings, draft: Draft, signal?: PreferenceSignal | null): Choices {
  const choices: Choices = { categories: { ...draft.categories } };
  if (overridesSignal(draft, signal)) choices.overrideSignal = true;
  if (settings.crossBorder) choices.crossBorder = draft.crossBorder;
  if (settings.minors.ask && draft.ageGroup) choices.ageGroup = draft.ageGroup;
  return choices;
}

