/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above uses them
import { h } from 'preact';
import { langOf, type UiProps } from '../model';
import { PolicyLink } from './policy-link';
import { signalKey } from './signal-note';

/**
 * Opt-out regions, for a visitor whose browser's opt-out preference signal is honoured: no banner to
 * nag them, a small note that it was honoured, which they can dismiss or follow to the preferences.
 * Not modal, a labelled region like the banner; Escape dismisses it.
 */
export function Notice({ model, on }: UiProps) {
  const { settings, state, texts } = model;
  const key = signalKey(state.signal);
  return (
    <div class="banner box notice" role="region" aria-labelledby="cy-nt" aria-describedby="cy-nd">
      <h2 id="cy-nt" lang={langOf(model, 'signalHonored')}>
        {texts.signalHonored}
      </h2>
      <p id="cy-nd">
        <span lang={langOf(model, key)}>{texts[key]}</span>
        <PolicyLink url={settings.ui.privacyPolicyUrl} texts={texts} />
      </p>
      <div class="acts">
        <button class="btn alt" lang={langOf(model, 'customize')} data-customize onClick={on.customize}>
          {texts.customize}
        </button>
        <button class="btn" lang={langOf(model, 'close')} onClick={on.dismiss}>
          {texts.close}
        </button>
      </div>
    </div>
  );
}
