import type { Settings } from '../config/types';
import { createConsentId } from './consent-id';
import type { Choices, ConsentMethod, ConsentRecord, ConsentState } from './types';

const DAY = 864e5;

/**
 * The record for a visitor's choices. Categories left out are refused; only declared services are kept.
 * The consent id survives later changes so the owner can follow one visitor's history of receipts.
 */
export function recordFor(
  settings: Settings,
  choices: Choices,
  method: ConsentMethod,
  previous: ConsentState,
  now: number,
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
  return record;
}
