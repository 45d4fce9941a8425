// Listed in the order the files were bundled before they were split: imported sorted, they bundle in another order
// and the UI chunk gzips 37 B larger.
import { cleanUp } from './clean-up';
import { forgetChoice, storeChoice, storeChoiceAgain } from './store-choice';
import { sendReceipts } from './receipts';
import { createChoiceActions } from './choice-actions';
import { heldEmbedPlaceholder } from './placeholders';

/**
 * What only asking and choosing need, as the lazy files carry it: storing the choice (./store-choice.ts,
 * js-cookie), its receipt, and the visitor's actions with the banner and dialog (./choice-actions.ts). Most
 * page views need none of it. The UI chunk carries this core (a visitor shown the banner fetches one file);
 * the script-tag parts file carries it with the validator, the clean-up and the placeholders
 * (`choiceParts`); the npm build imports it directly. The keys are public: the loader reads them from
 * another file.
 */
export const choiceCore = {
  store: storeChoice,
  forget: forgetChoice,
  keep: storeChoiceAgain,
  /** Send receipts an earlier page view could not deliver. */
  resend: (endpoint: string) => sendReceipts(endpoint),
  /** The visitor's actions, the banner and dialog, language packs and placeholders, for one configured page. */
  actions: createChoiceActions,
};

export type ChoiceCore = typeof choiceCore;

/**
 * The core, plus what a withdrawal or a held embed needs, which a first visit rarely does: the clean-up and
 * the placeholders. They stay out of the UI chunk and load alone (the parts file) when wanted.
 */
export const choiceParts = { ...choiceCore, cleanUp, placeholder: heldEmbedPlaceholder };

export type ChoiceParts = typeof choiceParts;
