import { cleanUp } from './clean-up';
import type { Settings } from '../core/config/types';
import { removeConsentCookie, writeConsentCookie } from './cookie-jar';
import { encodeRecord } from '../core/policy/record';
import { type ChoiceContext, type Judge, recordFor } from '../core/policy/record-for';
import { receiptOf, sendReceipts } from './receipts';
import type { Choices, ConsentMethod, ConsentRecord, ConsentState } from '../core/policy/types';
import { createChoosing } from './choosing';
import { heldEmbedPlaceholder } from './placeholders';

/**
 * What only asking and choosing need: making and storing the record (js-cookie), its receipt, and the code
 * that asks (banner and dialog, packs). Most page views need none of it. The UI chunk carries these (a
 * visitor shown the banner fetches one file); the script-tag parts file carries them with the validator,
 * the clean-up and the placeholders (`choiceParts`); the npm build imports them directly. Names are
 * public: they cross files.
 */
export const choiceCore = {
  /**
   * Make the record for these choices, store it in the consent cookie, and send its receipt. Returns the
   * record as stored: what the receipt alone holds (the age group, a guardian's confirmation) stays out of
   * the page's state too, where `Consentry.getState()` would show it to any script.
   */
  store(
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
  },
  forget: (settings: Settings) => removeConsentCookie(settings.cookie),
  /** Store a record read under an old name again, under the name written now (`__Host-`). */
  keep: (settings: Settings, record: ConsentRecord) => writeConsentCookie(settings.cookie, encodeRecord(record), new Date(record.expires)),
  /** Send receipts an earlier page view could not deliver. */
  resend: (endpoint: string) => sendReceipts(endpoint),
  /** Committing choices, the banner and dialog, language packs and placeholders, for one configured page. */
  choosing: createChoosing,
};

export type ChoiceCore = typeof choiceCore;

/**
 * The core, plus what a withdrawal or a held embed needs, which a first visit rarely does: the clean-up and
 * the placeholders. They stay out of the UI chunk and load alone (the parts file) when wanted.
 */
export const choiceParts = { ...choiceCore, cleanUp, placeholder: heldEmbedPlaceholder };

export type ChoiceParts = typeof choiceParts;
