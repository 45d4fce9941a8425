/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above uses them
import { h } from 'preact';
import { consentsAsked } from '../../core/policy/separate-consents';
import { langOf, type UiProps } from '../model';
import { AgeQuestion } from './age-question';
import { CategorySection } from './category-section';
import { ConsentReceipt } from './consent-receipt';
import { DoNotSell } from './do-not-sell';
import { PolicyLink } from './policy-link';
import { RichText } from './rich-text';
import { SeparateConsent } from './separate-consent';
import { SignalNote } from './signal-note';

/** The second layer: a modal dialog with one section per category and the three decisions. */
export function Preferences(props: UiProps) {
  const { model, on } = props;
  const { settings, state, texts, lang } = model;
  // Only the separate consents the law asks in the visitor's region: none for an EU or US visitor.
  const asked = consentsAsked(settings, state.region);
  const optOut = state.regime === 'opt-out' && settings.categories.some((category) => category.id === 'advertising');
  return (
    <div class="bd">
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="cy-pt" aria-describedby="cy-pd" tabIndex={-1}>
        <div class="head">
          <h2 id="cy-pt" lang={langOf(model, 'preferencesTitle')}>
            {texts.preferencesTitle}
          </h2>
          <button class="x" aria-label={texts.close} onClick={on.dismiss}>
            ×
          </button>
        </div>
        <div class="body">
          <p id="cy-pd">
            <RichText text={texts.preferencesText} />
            <PolicyLink url={settings.ui.privacyPolicyUrl} texts={texts} />
          </p>
          {state.signal && (
            <p class="note">
              <SignalNote model={model} />
            </p>
          )}
          {optOut && <DoNotSell {...props} />}
          {settings.minors.ask && <AgeQuestion {...props} />}
          {settings.categories.map((category) => (
            <CategorySection key={category.id} {...props} category={category} />
          ))}
          {asked.map((consent, index) => (
            <SeparateConsent
              key={consent.id}
              {...props}
              consent={consent}
              index={index}
              repeated={asked.some((other) => other != consent && other.kind == consent.kind)}
            />
          ))}
          {state.record && <ConsentReceipt record={state.record} texts={texts} lang={lang} />}
        </div>
        <div class="acts">
          <button class="btn" lang={langOf(model, 'acceptAll')} onClick={on.acceptAll}>
            {texts.acceptAll}
          </button>
          <button class="btn" lang={langOf(model, 'rejectAll')} onClick={on.rejectAll}>
            {texts.rejectAll}
          </button>
          <button class="btn alt" lang={langOf(model, 'save')} onClick={on.save}>
            {texts.save}
          </button>
        </div>
      </div>
    </div>
  );
}
