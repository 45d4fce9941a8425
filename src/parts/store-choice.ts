import type { Settings } from '../core/config/types';
import { removeConsentCookie, writeConsentCookie } from './cookie-jar';
import { encodeRecord } from '../core/policy/record';
import { type ChoiceContext, type Judge, recordFor } from '../core/policy/record-for';
import { receiptOf, sendReceipts } from './receipts';
import type { Choices, ConsentMethod, ConsentRecord, ConsentState } from '../core/policy/types';

/**
 * Make the record for these choices, store it in the consent cookie, and send its receipt. Returns the
 * record as stored: what the receipt alone holds (the age group, a guardian's confirmation) stays out of
 * the page's state too, where `Consentry.getState()` would show it to any script.
 */
export function storeChoice(
  settings: Settings,
  choices: Choices,
  method: ConsentMethod,
  state: ConsentState,
  context?: ChoiceContext,
  judge?: Judge,
): ConsentRecord {
  const record = recordFor(settings, choices, method, state, Date.now(), context, judge);
  writeConsentCookie(settings.cookie, encodeRecord(record), new Date(record.expires));
  if (settings.receipts) void sendReceipts(settings.receipts.endpoint, receiptOf(record));
  // As encodeRecord() leaves them out.
  const { ageGroup, ...stored } = record;
  if (stored.via == 'guardian') delete stored.via;
  return stored;
}

/** Remove the stored choice (`reset()`). */
export const forgetChoice = (settings: Settings) => removeConsentCookie(settings.cookie);

/** Store a record read under an old name again, under the name written now (`__Host-`). */
export const storeChoiceAgain = (settings: Settings, record: ConsentRecord) =>
  writeConsentCookie(settings.cookie, encodeRecord(record), new Date(record.expires));
