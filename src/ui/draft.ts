import type { Settings } from '../core/config/types';
import { refusedBySignal, saleCategories } from '../core/policy/decide';
import { grantOf } from '../core/policy/grant-of';
import { consentsAsked } from '../core/policy/separate-consents';
import type { AgeGroup, Choices, ConsentState, PreferenceSignal } from '../core/policy/types';

/** What the visitor has set in the banner or the preferences dialog but not saved yet. */
export interface Draft {
  /** Optional categories only; essential is never the visitor's to switch. */
  categories: { [id: string]: boolean };
  /** Separate consents asked in the visitor's region, by id: off until switched on, never by "Accept all". */
  consents: { [id: string]: boolean };
  /** Never taken from the stored record (it does not keep it): asked with each choice. */
  ageGroup?: AgeGroup;
  /** A parent or guardian read the statement and confirmed, for a visitor under the threshold. */
  guardian?: boolean;
  /** What a grant waits for, after the visitor tried one: the age question, or a guardian's confirmation. */
  waiting?: Missing;
}

export type Missing = 'age' | 'guardian';

/**
 * Starts from what is in force: off unless granted. In opt-in regions that means off until the visitor
 * said yes (never pre-ticked); in opt-out regions it shows honestly what runs until they object.
 */
export function initialDraft(settings: Settings, state: ConsentState): Draft {
  const categories: Draft['categories'] = {};
  for (const { id, required } of settings.categories) if (!required) categories[id] = !!state.categories[id];
  const consents: Draft['consents'] = {};
  for (const { id } of consentsAsked(settings, state.region))
    consents[id] = !!state.record?.consents && grantOf(state.record.consents, id) === true;
  return { categories, consents };
}

/** Under the threshold every optional switch stays off until a parent or guardian confirms (decide.ts's rule). */
export function isLockedForMinor(draft: Draft, id: string): boolean {
  return draft.ageGroup === 'minor' && !draft.guardian && id in draft.categories;
}

export function withCategory(draft: Draft, id: string, granted: boolean): Draft {
  if (isLockedForMinor(draft, id) || !(id in draft.categories)) return draft;
  return { ...draft, categories: { ...draft.categories, [id]: granted } };
}

/** Switch one separate consent; under the threshold it stays off until a parent or guardian confirms. */
export function withConsent(draft: Draft, id: string): Draft {
  if (!(id in draft.consents) || (draft.ageGroup === 'minor' && !draft.guardian)) return draft;
  return { ...draft, consents: { ...draft.consents, [id]: !draft.consents[id] } };
}

/** Saying "under the threshold" turns every optional switch off; a guardian's confirmation is asked afresh. */
export function withAgeGroup(draft: Draft, ageGroup: AgeGroup): Draft {
  const next: Draft = { ...draft, ageGroup, guardian: false, waiting: undefined };
  if (ageGroup !== 'minor') return next;
  const categories: Draft['categories'] = {};
  for (const id of Object.keys(draft.categories)) categories[id] = false;
  const consents: Draft['consents'] = {};
  for (const id of Object.keys(draft.consents)) consents[id] = false;
  return { ...next, categories, consents };
}

/** Withdrawing the confirmation locks the optional switches again, off. */
export function withGuardian(draft: Draft, guardian: boolean): Draft {
  return guardian ? { ...draft, guardian: true, waiting: undefined } : withAgeGroup(draft, 'minor');
}

/**
 * What a grant waits for: with `minors.ask`, nothing optional is granted before the age question is
 * answered, and below the threshold nothing before a parent or guardian confirms. Refusing waits for nothing.
 */
export function missingForGrant(settings: Settings, draft: Draft): Missing | undefined {
  if (!settings.minors.ask) return undefined;
  if (!draft.ageGroup) return 'age';
  if (draft.ageGroup === 'minor' && !draft.guardian) return 'guardian';
  return undefined;
}

/** Whether saving the draft would grant anything optional. */
export const grantsAnything = (draft: Draft): boolean =>
  Object.keys(draft.consents).some((id) => draft.consents[id]) || Object.keys(draft.categories).some((id) => draft.categories[id]);

/**
 * A switch the visitor's signal refuses, turned on in the dialog that says doing so overrides the signal:
 * an explicit choice, so saving it overrides the signal.
 */
export function overridesSignal(settings: Settings, draft: Draft, signal: PreferenceSignal | null | undefined): boolean {
  const sale = saleCategories(settings);
  return Object.keys(draft.categories).some((id) => draft.categories[id] && refusedBySignal(signal, id, sale));
}

/** "Save choices": exactly the switches as set, plus the separate questions the site asks. */
export function choicesFromDraft(settings: Settings, draft: Draft, signal?: PreferenceSignal | null): Choices {
  const choices: Choices = { categories: { ...draft.categories } };
  if (overridesSignal(settings, draft, signal)) choices.overrideSignal = true;
  if (Object.keys(draft.consents).length) choices.consents = { ...draft.consents };
  if (settings.minors.ask && draft.ageGroup) choices.ageGroup = draft.ageGroup;
  return choices;
}

/** A guardian's confirmation is the method of the choice it confirms (recorded as via "guardian"). */
export const guardianConfirmed = (settings: Settings, draft: Draft): boolean =>
  settings.minors.ask && draft.ageGroup === 'minor' && !!draft.guardian;
