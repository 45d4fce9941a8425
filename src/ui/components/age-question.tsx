/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
import { h } from 'preact';
import { ageThreshold } from '../age-threshold';
import { fill } from '../../core/texts/fill';
import type { UiProps } from '../model';

/** Asked only when the site enables it; nothing is pre-selected. */
export function AgeQuestion({ model: { settings, state, texts, draft }, on }: UiProps) {
  const age = ageThreshold(settings.minors.thresholds, state.region);
  // The section rule is drawn by a wrapper: a legend sitting on a fieldset's own border would cut it.
  return (
    <div class="cat">
      <fieldset>
        <legend>{texts.ageQuestion}</legend>
        <label>
          <input type="radio" name="cy-age" checked={draft.ageGroup === 'adult'} onChange={() => on.ageGroup('adult')} />
          {fill(texts.ageAdult, { age })}
        </label>
        <label>
          <input type="radio" name="cy-age" checked={draft.ageGroup === 'minor'} onChange={() => on.ageGroup('minor')} />
          {fill(texts.ageMinor, { age })}
        </label>
      </fieldset>
    </div>
  );
}
