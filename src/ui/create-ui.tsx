/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: h is the classic JSX pragma above
import { h, render } from 'preact';
import type { Texts } from '../core/config/types';
import type { UiView } from '../core/policy/api';
import type { ConsentRecord, ConsentState } from '../core/policy/types';
import { bannerText } from './banner-text';
import { App } from './components/app';
import type { UiContext, UiModule } from './contract';
import { deepActiveElement } from './deep-active-element';
import { signalKey } from './components/signal-note';
import { textsHash } from '../core/policy/texts-hash';
import {
  type Draft,
  choicesFromDraft,
  grantsAnything,
  guardianConfirmed,
  initialDraft,
  missingForGrant,
  overridesSignal,
  withAgeGroup,
  withCategory,
  withConsent,
  withGuardian,
} from './draft';
import { trapTab } from './focus-trap';
import { directionOf } from '../core/texts/direction';
import { en } from '../core/texts/en';
import { textsOfPack } from '../core/texts/pack-values';
import { type ResolvedTexts, resolveTexts } from '../core/texts/resolve-texts';
import { parseInline, plainText } from './markup';
import type { UiActions } from './model';
import { makePageInert } from './page-inert';
import { keepFocusClear } from './keep-focus-clear';
import { createShadowHost, type ShadowHost } from './shadow-host';
import { STYLES } from './styles';

/** Long enough after the live region exists for screen readers to notice it being filled. */
const ANNOUNCE_DELAY = 250;

/**
 * The UI controller: owns the view, the unsaved choices and the DOM side effects (focus, inert page,
 * scroll padding); components only render what it passes them. State comes from `ctx.$state` alone and
 * every decision goes through the context's actions.
 */
/** `UiModule`, with `show` resolving once the view is in the DOM (after a language pack has loaded). */
export interface UiController extends UiModule {
  show(ctx: UiContext, view: UiView): Promise<void>;
}

export function createUi(): UiController {
  let ctx: UiContext | undefined;
  let mounted: ShadowHost | undefined;
  let view: UiView | null = null;
  let resolved: ResolvedTexts = { lang: 'en', texts: en };
  let draft: Draft = { categories: {}, consents: {} };
  let expanded: { [id: string]: boolean } = {};
  let announcement = '';
  let shownRecord: ConsentRecord | null = null;
  let returnFocus: HTMLElement | null = null;
  let undoView: (() => void) | undefined;
  let unlisten: (() => void) | undefined;
  let generation = 0;
  const packs = new Map<string, Partial<Texts> | null>();

  const paint = () => {
    if (!ctx || !mounted) return;
    const model = {
      settings: ctx.settings,
      state: ctx.$state.get(),
      texts: resolved.texts,
      lang: resolved.lang,
      english: resolved.english,
      draft,
      expanded,
      announcement,
    };
    render(<App view={view} model={model} on={actions} />, mounted.container);
  };

  // The notice is never modal: it asks nothing. The dialog and the opt-out views always are.
  const isModal = (next: UiView) => (next === 'banner' ? ctx!.settings.ui.layout === 'modal' : next !== 'notice');

  /** Side effects of a view being on screen; returns how to undo them. */
  function applyView(next: UiView, previous: UiView | null): () => void {
    const { host, container } = mounted!;
    const element = container.querySelector<HTMLElement>('[role=dialog],[role=region]')!;
    const customize = container.querySelector<HTMLElement>('[data-customize]');
    if (previous === 'preferences' && customize) customize.focus();
    // On the document, so that Escape and Tab still work after a click on the backdrop moved focus to <body>.
    const onKey = (event: KeyboardEvent) => {
      if (isModal(next) || event.composedPath().includes(element)) actions.key(event, element);
    };
    document.addEventListener('keydown', onKey);
    if (isModal(next)) {
      const restore = makePageInert(host);
      if (previous !== 'preferences' || !customize) element.focus();
      return () => {
        document.removeEventListener('keydown', onKey);
        restore();
      };
    }
    const { settings, $state } = ctx!;
    const restorePadding = keepFocusClear(element, next === 'banner' && settings.ui.layout === 'bar-top' ? 'top' : 'bottom', container);
    const timer = setTimeout(() => {
      const { texts, lang } = resolved;
      const state = $state.get();
      announcement =
        next === 'notice'
          ? texts.signalHonored + ': ' + texts[signalKey(state.signal)]
          : texts.bannerTitle + ': ' + plainText(parseInline(bannerText(settings, texts, lang, state.regime)));
      paint();
    }, ANNOUNCE_DELAY);
    return () => {
      document.removeEventListener('keydown', onKey);
      clearTimeout(timer);
      restorePadding();
    };
  }

  /** Focus goes back where it was, unless the visitor has meanwhile moved it elsewhere on the page. */
  function restoreFocus() {
    const active = document.activeElement;
    if (active && active !== document.body && active !== mounted?.host) return;
    const target =
      returnFocus && returnFocus !== document.body && returnFocus.isConnected
        ? returnFocus
        : document.querySelector<HTMLElement>('[data-consentry-reopen]');
    target?.focus();
  }

  function switchTo(next: UiView | null) {
    const previous = view;
    if (!ctx || next === previous) return paint();
    if (!previous) returnFocus = deepActiveElement();
    undoView?.();
    undoView = undefined;
    view = next;
    const state = ctx.$state.get();
    shownRecord = state.record;
    // Limiting sensitive information the config maps to nothing turns nothing off: say so to the developer.
    if (next === 'limit-sensitive' && !ctx.settings.optOut?.sensitive.length)
      console.warn(
        'consentry: data-consent-open="limit-sensitive" with no `optOut.sensitive` categories: the request is recorded, nothing is turned off',
      );
    if (next === 'preferences' || next === 'banner') {
      // The age answer and a guardian's confirmation given on the banner carry into the dialog it opens.
      const fresh = initialDraft(ctx.settings, state);
      draft = previous === 'banner' && draft.ageGroup ? withGuardian(withAgeGroup(fresh, draft.ageGroup), !!draft.guardian) : fresh;
      expanded = {};
    }
    announcement = '';
    paint();
    if (next) undoView = applyView(next, previous);
    else restoreFocus();
    if (previous) ctx.emit('hidden', { view: previous });
    if (next) ctx.emit('shown', { view: next });
  }

  const decideWith = (action: () => void) => {
    action();
    switchTo(null);
  };

  /**
   * Where a decision is made (a guardian's confirmation is the method of what it confirms), the language its
   * texts were read in, and a hash of those texts and the config they describe, for the record.
   */
  const from = (via: 'banner' | 'dialog' | 'opt-out-link') => {
    const { settings, $state } = ctx!;
    return {
      via: via !== 'opt-out-link' && guardianConfirmed(settings, draft) ? ('guardian' as const) : via,
      lang: resolved.lang,
      textsHash: textsHash(settings, resolved.lang, resolved.texts, $state.get().regime),
    };
  };

  /**
   * A grant that waits for the age question or a guardian is not made: the visitor is told why, and focus
   * goes to what is missing. Returns whether it waits.
   */
  const waits = (): boolean => {
    const missing = missingForGrant(ctx!.settings, draft);
    if (!missing) return false;
    edit({ ...draft, waiting: missing });
    mounted?.container.querySelector<HTMLElement>('[data-waiting] input')?.focus();
    return true;
  };

  const decideWhole = (granted: boolean) => {
    const { acceptAll, rejectAll, $state } = ctx!;
    if (granted && waits()) return;
    // Answers given beside the decision (age group; in the dialog separate consents and a signal overridden)
    // travel with it: "Accept all" keeps a separate consent the visitor switched on, and turns none on itself.
    const extras =
      view === 'preferences'
        ? {
            ...from('dialog'),
            ageGroup: draft.ageGroup,
            consents: granted ? { ...draft.consents } : undefined,
            overrideSignal: granted && overridesSignal(ctx!.settings, draft, $state.get().signal),
          }
        : { ...from('banner'), ageGroup: draft.ageGroup };
    decideWith(() => (granted ? acceptAll(extras) : rejectAll(extras)));
  };

  const edit = (next: Draft) => {
    draft = next;
    paint();
  };

  const actions: UiActions = {
    acceptAll: () => decideWhole(true),
    rejectAll: () => decideWhole(false),
    close: () => decideWith(() => ctx!.close(from('banner'))),
    customize: () => switchTo('preferences'),
    dismiss() {
      const { needsBanner, status } = ctx!.$state.get();
      switchTo(needsBanner && status === 'pending' ? 'banner' : null);
    },
    save() {
      if (grantsAnything(draft) && waits()) return;
      decideWith(() => ctx!.set(choicesFromDraft(ctx!.settings, draft, ctx!.$state.get().signal), from('dialog')));
    },
    toggle: (id) => edit(withCategory(draft, id, !draft.categories[id])),
    expand(id) {
      expanded = { ...expanded, [id]: !expanded[id] };
      paint();
    },
    ageGroup: (group) => edit(withAgeGroup(draft, group)),
    separateConsent: (id) => edit(withConsent(draft, id)),
    optOut: (kind) => decideWith(() => ctx!.optOut(kind, from('opt-out-link'))),
    guardian: (confirmed) => edit(withGuardian(draft, confirmed)),
    key(event, element) {
      if (!view) return;
      if (event.key === 'Escape') {
        // Escape never accepts: it leaves the dialog or the notice, or refuses only where a visible × offers the same.
        if (view !== 'banner') actions.dismiss();
        else if (ctx!.settings.ui.closeButton) actions.close();
      } else if (event.key === 'Tab' && isModal(view)) {
        trapTab(event, element);
      }
    },
  };

  // A decision made elsewhere (the API, another tab) closes what is shown; anything else just repaints.
  const onState = (state: ConsentState) => {
    if (view && state.record !== shownRecord) switchTo(null);
    else paint();
  };

  async function show(next: UiContext, nextView: UiView): Promise<void> {
    const ticket = ++generation;
    ctx = next;
    const lang = next.language;
    let pack: Partial<Texts> | null | undefined = lang === 'en' ? en : packs.get(lang);
    if (pack === undefined) {
      pack = await Promise.resolve()
        .then(() => next.loadLanguage(lang))
        .then((loaded) => loaded && textsOfPack(loaded))
        .catch(() => null);
      // A pack that failed is asked for again next time; meanwhile the visitor gets English.
      if (pack) packs.set(lang, pack);
      if (ticket !== generation) return;
    }
    resolved = resolveTexts(lang, pack, next.settings.texts);
    mounted ||= createShadowHost(STYLES, next.settings.ui.nonce);
    const { container } = mounted;
    container.lang = resolved.lang;
    container.dir = directionOf(resolved.lang);
    container.dataset.theme = next.settings.ui.theme;
    unlisten?.();
    unlisten = next.$state.listen(onState);
    switchTo(nextView);
  }

  function hide() {
    generation++;
    switchTo(null);
  }

  function unmount() {
    hide();
    unlisten?.();
    unlisten = undefined;
    if (mounted) {
      render(null, mounted.container);
      mounted.host.remove();
    }
    mounted = undefined;
    ctx = undefined;
  }

  return { show, hide, unmount };
}
