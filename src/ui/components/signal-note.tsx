/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above uses them
import { Fragment, h } from 'preact';
import type { PreferenceSignal } from '../../core/policy/types';
import { sentenceGap } from '../../core/texts/punctuation';
import { langOf, type UiModel } from '../model';

/** The text that says what the honoured signal does on this site. */
export const signalKey = (signal: PreferenceSignal | null | undefined) => (signal === 'dnt' ? 'dntNotice' : 'gpcNotice');

/**
 * Where a choice can still be made (the opt-in banner, the dialog): what the honoured signal refuses, and
 * that only switching it on in the preferences overrides the signal, so "Accept all" is never silently
 * not honoured. English fallbacks carry their own `lang`.
 */
export function SignalNote({ model }: { model: UiModel }) {
  const { state, texts, lang } = model;
  const key = signalKey(state.signal);
  return (
    <>
      <span lang={langOf(model, key)}>{texts[key]}</span>
      {sentenceGap(lang)}
      <span lang={langOf(model, 'signalOverride')}>{texts.signalOverride}</span>
    </>
  );
}
