/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above uses them
import { h } from 'preact';
import { ageThreshold } from '../age-threshold';
import { fill } from '../../core/texts/fill';
import type { UiProps } from '../model';
import { GuardianConsent } from './guardian-consent';

/**
 * Asked only when the site enables it, on the banner and in the dialog; nothing is pre-selected. Below the
 * threshold the guardian path follows. A grant tried before it is answered is refused with the reason
 * (`draft.waiting`), and focus comes here.
 */
export function AgeQuestion(props: UiProps) {
  const { settings, state, texts, draft } = props.model;
  const { on } = props;
  const age = ageThreshold(settings.minors.thresholds, state.region);
  const waiting = draft.waiting === 'age';
  // The section rule is drawn by a wrapper: a legend sitting on a fieldset's own border would cut it.
  return (
    <div class="cat age">
      <fieldset data-waiting={waiting ? '' : undefined} aria-describedby={waiting ? 'cy-aw' : undefined}>
        <legend>{texts.ageQuestion}</legend>
        <label>
          <input type="radio" name="cy-age" checked={draft.ageGroup === 'adult'} onChange={() => on.ageGroup('adult')} />
          {fill(texts.ageAdult, { age })}
        </label>
        <label>
          <input type="radio" name="cy-age" checked={draft.ageGroup === 'minor'} onChange={() => on.ageGroup('minor')} />
          {fill(texts.ageMinor, { age })}
        </label>
        {waiting && (
          <p id="cy-aw" class="warn">
            {texts.ageRequired}
          </p>
        )}
      </fieldset>
      {draft.ageGroup === 'minor' && <GuardianConsent {...props} age={age} />}
    </div>
  );
}
