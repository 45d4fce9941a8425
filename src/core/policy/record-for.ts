import type { Settings } from '../config/types';
import { createConsentId } from './consent-id';
import type { Choices, ConsentMethod, ConsentRecord, ConsentState, ConsentVia } from './types';

const DAY = 864e5;

/** Where the choice was made and in which language the visitor read the texts. */
export interface ChoiceContext {
  via?: ConsentVia;
  lang?: string;
}

/**
 * The grants in force with a record: `decide()` with this page's signals. Passed in rather than imported,
 * so the lazily loaded choice parts carry no second copy of the loader's decision code.
 */
export type Judge = (record: ConsentRecord) => ConsentState;

/**
 * The record for a visitor's choices. Categories left out are refused; only declared services are kept.
 * Given `judge`, it holds what is effectively granted (decide.ts applies the signals and the minor rule),
 * not what was clicked: "Accept all" under Global Privacy Control records advertising refused.
 * The consent id survives later changes so the owner can follow one visitor's history of receipts.
 */
export function recordFor(
  settings: Settings,
  choices: Choices,
  method: ConsentMethod,
  previous: ConsentState,
  now: number,
  context: ChoiceContext = {},
  judge?: Judge,
): ConsentRecord {
  const categories: { [id: string]: boolean } = {};
  for (const { id, required } of settings.categories) if (!required) categories[id] = !!choices.categories?.[id];
  const services: { [id: string]: boolean } = {};
  for (const { id } of settings.services) {
    const choice = choices.services?.[id];
    if (typeof choice === 'boolean') services[id] = choice;
  }
  const before = previous.record;
  const record: ConsentRecord = {
    id: before?.id || createConsentId(),
    time: now,
    revision: settings.revision,
    categories,
    services,
    method,
    expires: now + settings.cookie.expiresDays * DAY,
  };
  const region = previous.region;
  const ageGroup = choices.ageGroup || before?.ageGroup;
  const crossBorder = choices.crossBorder ?? before?.crossBorder;
  if (region) record.region = region;
  if (ageGroup) record.ageGroup = ageGroup;
  if (crossBorder != null) record.crossBorder = crossBorder;
  if (context.via) record.via = context.via;
  if (context.lang) record.lang = context.lang;
  // Only an explicit override given while a signal is honoured counts; it lasts as long as the record.
  if (choices.overrideSignal && previous.signal) record.signalOverride = true;
  const effective = judge?.(record).categories;
  if (effective) for (const id of Object.keys(categories)) categories[id] = effective[id];
  return record;
}
