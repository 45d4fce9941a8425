/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above uses them
import { h } from 'preact';
import { bannerText } from '../banner-text';
import { langOf, type UiProps } from '../model';
import { sentenceGap } from '../../core/texts/punctuation';
import { AgeQuestion } from './age-question';
import { PolicyLink } from './policy-link';
import { RichText } from './rich-text';
import { SignalNote } from './signal-note';

/**
 * The first layer. Accept and Reject share one class: same size, weight, colour and rank. The modal
 * layout is a real modal dialog over a backdrop; the others are a labelled region that leaves the page usable.
 */
export function Banner({ model, on }: UiProps) {
  const { settings, state, texts, lang } = model;
  const { layout, closeButton, privacyPolicyUrl } = settings.ui;
  const modal = layout === 'modal';
  const banner = (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: aria-modal is set only when the role is dialog
    <div
      class={`banner ${layout}${closeButton ? ' hx' : ''}`}
      role={modal ? 'dialog' : 'region'}
      aria-modal={modal ? 'true' : undefined}
      aria-labelledby="cy-bt"
      aria-describedby="cy-bd"
      tabIndex={modal ? -1 : undefined}
    >
      <div class="txt">
        <h2 id="cy-bt" lang={langOf(model, 'bannerTitle')}>
          {texts.bannerTitle}
        </h2>
        <p id="cy-bd">
          <RichText text={bannerText(settings, texts, lang, state.regime)} />
          {state.signal && sentenceGap(lang)}
          {state.signal && <SignalNote model={model} />}
          <PolicyLink url={privacyPolicyUrl} texts={texts} />
        </p>
        {/* On the first layer, before any grant: "Accept all" waits for the answer (and, below the threshold, a guardian). */}
        {settings.minors.ask && <AgeQuestion model={model} on={on} />}
      </div>
      <div class="acts">
        <button class="btn" lang={langOf(model, 'acceptAll')} onClick={on.acceptAll}>
          {texts.acceptAll}
        </button>
        <button class="btn" lang={langOf(model, 'rejectAll')} onClick={on.rejectAll}>
          {texts.rejectAll}
        </button>
        <button class="btn alt" lang={langOf(model, 'customize')} data-customize onClick={on.customize}>
          {texts.customize}
        </button>
      </div>
      {closeButton && (
        <button class="x" aria-label={texts.close} onClick={on.close}>
          ×
        </button>
      )}
    </div>
  );
  return modal ? <div class="bd">{banner}</div> : banner;
}
