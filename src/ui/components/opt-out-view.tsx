/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above uses them
import { h } from 'preact';
import { saleCategories } from '../../core/policy/decide';
import type { OptOutKind } from '../contract';
import { langOf, type UiProps } from '../model';
import { PolicyLink } from './policy-link';

/** Each opt-out's texts: its title (the link's own words), what it does, its button, and its status once done. */
const TEXTS = {
  'do-not-sell': ['doNotSell', 'doNotSellText', 'optOutConfirm', 'optedOut'],
  'limit-sensitive': ['limitSensitive', 'limitSensitiveText', 'limitConfirm', 'limited'],
} as const;

/**
 * The CCPA/CPRA opt-out view a `data-consent-open="do-not-sell"` (or "limit-sensitive") link opens: not the
 * cookie dialog (11 CCR §7026(a)(4)), one statement and one button: one step from the link, never more than
 * the way back in (§7004(a)(2)). A modal dialog like the preferences: focus inside, Tab kept in, Escape or
 * Close leaves it.
 * Once every category the opt-out refuses is off (by an earlier opt-out, or Global Privacy Control), it
 * says so instead of offering the button again (§7026(g)).
 */
export function OptOutView({ model, on, kind }: UiProps & { kind: OptOutKind }) {
  const { settings, state, texts } = model;
  const [title, text, confirm, done] = TEXTS[kind];
  const refused = kind == 'do-not-sell' ? saleCategories(settings) : settings.optOut?.sensitive || [];
  // With nothing mapped to it (`optOut.sensitive` empty), only the recorded request says it was made.
  const optedOut = refused.length ? refused.every((id) => !state.categories[id]) : state.record?.method == kind;
  const status = optedOut ? done : text;
  return (
    <div class="bd">
      <div class="dialog oo" role="dialog" aria-modal="true" aria-labelledby="cy-ot" aria-describedby="cy-od" tabIndex={-1}>
        <div class="head">
          <h2 id="cy-ot" lang={langOf(model, title)}>
            {texts[title]}
          </h2>
        </div>
        <div class="body">
          <p id="cy-od">
            <span lang={langOf(model, status)}>{texts[status]}</span>
            <PolicyLink url={settings.ui.privacyPolicyUrl} texts={texts} />
          </p>
        </div>
        <div class="acts">
          {!optedOut && (
            <button class="btn" lang={langOf(model, confirm)} onClick={() => on.optOut(kind)}>
              {texts[confirm]}
            </button>
          )}
          <button class="btn alt" lang={langOf(model, 'close')} onClick={on.dismiss}>
            {texts.close}
          </button>
        </div>
      </div>
    </div>
  );
}
