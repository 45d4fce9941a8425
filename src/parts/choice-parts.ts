import { cleanUp } from './clean-up';
import type { Settings } from '../core/config/types';
import { removeConsentCookie, writeConsentCookie } from './cookie-jar';
import { encodeRecord } from '../core/policy/record';
import { type ChoiceContext, type Judge, recordFor } from '../core/policy/record-for';
import { receiptOf, sendReceipts } from './receipts';
import type { Choices, ConsentMethod, ConsentRecord, ConsentState } from '../core/policy/types';
import { createChoosing } from './choosing';

/**
 * What only asking and choosing need: making and storing the record (js-cookie), its receipt, the clean-up
 * after a withdrawal, and the code that asks (banner and dialog, packs, placeholders of held embeds). Most
 * page views need none of it, so the script-tag loader fetches these with the validator, on demand; the npm
 * build imports them directly. Names are public: they cross files.
 */
export const choiceParts = {
  /** Make the record for these choices, store it in the consent cookie, and send its receipt. */
  store(settings: Settings, choices: Choices, method: ConsentMethod, state: ConsentState, context?: ChoiceContext, judge?: Judge): ConsentRecord {
    const record = recordFor(settings, choices, method, state, Date.now(), context, judge);
    writeConsentCookie(settings.cookie, encodeRecord(record), new Date(record.expires));
    if (settings.receipts) void sendReceipts(settings.receipts.endpoint, receiptOf(record));
    return record;
  },
  forget: (settings: Settings) => removeConsentCookie(settings.cookie),
  /** Store a record read under an old name again, under the name written now (`__Host-`). */
  keep: (settings: Settings, record: ConsentRecord) => writeConsentCookie(settings.cookie, encodeRecord(record), new Date(record.expires)),
  /** Send receipts an earlier page view could not deliver. */
  resend: (endpoint: string) => sendReceipts(endpoint),
  cleanUp,
  /** Committing choices, the banner and dialog, language packs and placeholders, for one configured page. */
  choosing: createChoosing,
};

export type ChoiceParts = typeof choiceParts;
