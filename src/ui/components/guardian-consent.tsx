/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above uses them
import { h } from 'preact';
import { fill } from '../../core/texts/fill';
import type { UiProps } from '../model';

/**
 * The guardian path (PIPL art. 31, GDPR art. 8, COPPA): a visitor under the threshold grants nothing
 * optional alone. The parent or guardian reads the statement and confirms; only then do the optional
 * switches and "Accept all" grant, and the choice is recorded as the guardian's (via "guardian").
 * Unconfirmed, "Reject all" and "Save choices" record essential only.
 */
export function GuardianConsent({ model: { texts, draft }, on, age }: UiProps & { age: number }) {
  const waiting = draft.waiting === 'guardian';
  return (
    <div class="guardian" role="group" aria-labelledby="cy-gt">
      <h3 id="cy-gt">{texts.guardianTitle}</h3>
      <p id="cy-gd">{fill(texts.guardianText, { age })}</p>
      <label data-waiting={waiting ? '' : undefined}>
        <input
          type="checkbox"
          checked={!!draft.guardian}
          aria-describedby={waiting ? 'cy-gd cy-gw' : 'cy-gd'}
          onChange={() => on.guardian(!draft.guardian)}
        />
        {texts.guardianConfirm}
      </label>
      {waiting && (
        <p id="cy-gw" class="warn">
          {texts.guardianRequired}
        </p>
      )}
    </div>
  );
}
