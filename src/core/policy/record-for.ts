import type { Settings } from '../config/types';
import { CROSS_BORDER_ID } from '../config/defaults';
import { createConsentId } from './consent-id';
import { grantOf } from './grant-of';
import { isChildAlone } from './minors';
import { consentsAsked } from './separate-consents';
import type { Choices, ConsentMethod, ConsentRecord, ConsentState, ConsentVia } from './types';

const DAY = 864e5;

/** Where the choice was made, in which language the visitor read the texts, and which texts (texts-hash.ts). */
export interface ChoiceContext {
  via?: ConsentVia;
  lang?: string;
  textsHash?: string;
}

/**
 * The grants in force with a record: `decide()` with this page's signals. Passed in rather than imported,
 * so the lazily loaded choice parts carry no second copy of the loader's decision code.
 */
export type Judge = (record: ConsentRecord) => ConsentState;

/**
 * The record for a visitor's choices. Categories left out are refused; only declared services are kept.
 * Given `judge`, it holds what is effectively granted (decide.ts applies the signals and the minor rule),
 * not what was clicked: "Accept all" under Global Privacy Control records advertising refused, and a child's
 * "Accept all" without a guardian records everything optional refused.
 * Every separate consent asked in the region is stored, granted only by an explicit answer (this one's,
 * else the last record's): no method, "Accept all" included, grants one by itself, and a child alone none.
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
  // The age group is asked again with each choice: the stored record never carries it (record.ts).
  const ageGroup = choices.ageGroup || before?.ageGroup;
  const consents: { [id: string]: boolean } = {};
  for (const { id } of consentsAsked(settings, region)) {
    const answer = grantOf(choices.consents || {}, id) ?? (id == CROSS_BORDER_ID ? choices.crossBorder : undefined);
    consents[id] = (answer ?? (before?.consents && grantOf(before.consents, id))) === true;
  }
  if (region) record.region = region;
  record.regime = previous.regime;
  if (ageGroup) record.ageGroup = ageGroup;
  if (context.via) record.via = context.via;
  if (isChildAlone(record)) for (const id of Object.keys(consents)) consents[id] = false;
  if (Object.keys(consents).length) record.consents = consents;
  if (Object.hasOwn(consents, CROSS_BORDER_ID)) record.crossBorder = consents[CROSS_BORDER_ID];
  if (context.lang) record.lang = context.lang;
  if (context.textsHash) record.textsHash = context.textsHash;
  // Only an explicit override given while a signal is honoured counts; it lasts as long as the record.
  if (choices.overrideSignal && previous.signal) record.signalOverride = true;
  const effective = judge?.(record);
  if (effective) {
    for (const id of Object.keys(categories)) categories[id] = effective.categories[id];
    // A service switched on in a refused category does not run: the record says so.
    for (const id of Object.keys(services)) services[id] = effective.services[id];
  }
  return record;
}
