import type { WritableAtom } from 'nanostores';
import { isHeld } from '../loader/effects/marking';
import { saleCategories } from '../core/policy/decide';
import type { ResolvedNeed } from '../loader/effects/types';
import type { Settings } from '../core/config/types';
import type { UiView } from '../core/policy/api';
import type { Emitter } from '../loader/emitter';
import type { ChoiceContext, Judge } from '../core/policy/record-for';
import type { Choices, ConsentMethod, ConsentRecord, ConsentState } from '../core/policy/types';
import type { Extras, LanguagePack, OptOutKind, UiModule } from '../ui/contract';
import { PAGE_TEXTS } from '../core/texts/page-texts';
import { once } from '../loader/once';
import { domReady } from './dom-ready';
import { pageTextsOf } from './page-texts-of';
import type { heldEmbedPlaceholder } from './placeholders';
import type { storeChoice } from './store-choice';
import { rememberedPageTexts, rememberPageTexts } from '../loader/remembered-texts';

/** What the loader gives the actions: the page's settings and stores, and how to reach the other files. */
export interface ChoiceActionsDeps {
  settings: Settings;
  /** The visitor's language, resolved by the loader. */
  language: string;
  $state: WritableAtom<ConsentState>;
  emit: Emitter['emit'];
  /** Decide again from the signals, with this record in place of the jar's when given. */
  decide(record?: ConsentRecord): void;
  /** What a record would grant on this page (the loader's `decide()`, without applying it). */
  judge: Judge;
  /** Tell the other tabs. */
  broadcast(): void;
  loadUi(): Promise<UiModule>;
  loadLanguage(lang: string): Promise<LanguagePack | null>;
  /** The loader's own activation, so this file carries no second copy of it. */
  loadOnce(el: Element): void;
  /** The placeholder drawer, which loads on its own where it is lazy (the UI chunk does not carry it). */
  placeholder(): Promise<typeof heldEmbedPlaceholder>;
  /** Make and store the record: ./store-choice.ts, as the loader got it with this file. */
  store: typeof storeChoice;
}

export interface ChoiceActions {
  acceptAll(extras?: Extras): void;
  rejectAll(extras?: Extras): void;
  close(context?: ChoiceContext): void;
  set(choices: Choices, method: ConsentMethod): void;
  /** Show the banner or the preferences; resolves once shown, or once it failed (reported as an event). */
  show(view: UiView): Promise<void>;
  hide(): void;
  /** Draw the placeholder of a held embed. */
  drawHeld(el: Element, need: ResolvedNeed): void;
  unmount(): void;
}

/**
 * The visitor's actions (accept, reject, close, save, opt out) and the asking around them: showing the
 * banner, dialog or notice, language packs, placeholders. Each action commits the choice through `store`
 * and decides again. It lives with the choice parts, so a returning visitor's page, which only decides and
 * gates, never downloads it.
 */
export function createChoiceActions(deps: ChoiceActionsDeps): ChoiceActions {
  const { settings, language, $state, emit } = deps;
  let ui: Promise<UiModule> | undefined;
  let view: UiView | null = null;

  const hide = () => {
    view = null;
    ui?.then(
      (module) => module.hide(),
      () => {},
    );
  };
  // Decided elsewhere (another tab, a reset): the banner has nothing left to ask.
  const unlisten = $state.listen((state) => view == 'banner' && !state.needsBanner && hide());

  // A pack's page texts are kept only once the visitor has chosen (nothing is stored before, docs/security.md).
  let unsaved: Parameters<typeof rememberPageTexts> | undefined;
  const remember = (...texts: Parameters<typeof rememberPageTexts>) =>
    $state.get().record ? rememberPageTexts(...texts) : (unsaved = texts);

  // Where a choice came from: the UI says banner or dialog, the language it showed and a hash of its texts;
  // the API is the default.
  const commit = (choices: Choices, method: ConsentMethod, context?: ChoiceContext) => {
    const record = deps.store(
      settings,
      choices,
      method,
      $state.get(),
      { ...context, via: context?.via || 'api', lang: context?.lang || language },
      deps.judge,
    );
    if (unsaved) rememberPageTexts(...unsaved);
    unsaved = undefined;
    // Decide from the record just made, not from the jar: with cookies disabled the choice must still hold.
    deps.decide(record);
    deps.broadcast();
    emit('consent', $state.get());
    hide();
  };

  const every = (granted: boolean) => {
    const categories: { [id: string]: boolean } = {};
    for (const { id } of settings.categories) categories[id] = granted;
    return categories;
  };
  // Refusing everything withdraws every separate consent too; accepting everything grants none (PIPL 单独同意).
  const refused = Object.fromEntries((settings.separateConsents || []).map(({ id }) => [id, false]));
  const acceptAll = ({ via, lang, textsHash, ...extras }: Extras = {}) =>
    commit({ ...extras, categories: every(true) }, 'accept-all', { via, lang, textsHash });
  const rejectAll = ({ via, lang, textsHash, ...extras }: Extras = {}) =>
    commit({ ...extras, categories: every(false), consents: refused, crossBorder: false, overrideSignal: false }, 'reject-all', {
      via,
      lang,
      textsHash,
    });
  const close = (context?: ChoiceContext) =>
    commit({ categories: every(false), consents: refused, crossBorder: false }, 'close', { via: 'banner', ...context });

  // A CCPA opt-out refuses what the config maps to it and leaves every other grant as the visitor has it
  // (granted by default in an opt-out region): it is no answer to anything else.
  const optOut = (kind: OptOutKind, context?: ChoiceContext) => {
    const { categories, record } = $state.get();
    const refused = kind == 'do-not-sell' ? saleCategories(settings) : settings.optOut?.sensitive || [];
    const next = { ...categories };
    for (const id of refused) if (id in next) next[id] = false;
    commit({ categories: next, services: record?.services }, kind, { via: 'opt-out-link', ...context });
  };

  // An opt-out region honours the visitor's signal without asking: it is recorded (with its receipt, the
  // proof that it was honoured) before the notice says so, and the notice is not shown again.
  const recordSignal = () => {
    const { needsNotice, signal, categories } = $state.get();
    if (needsNotice && signal) commit({ categories: { ...categories } }, signal, { via: signal });
  };

  // One request per pack; a failed one is forgotten (no pack is a failure: the loader answers null). A
  // loaded pack's page texts are kept for the next page's reopen button and placeholders, which otherwise
  // need no pack.
  const request = once<LanguagePack>();
  const loadLanguage = (lang: string) =>
    request(lang, () =>
      deps.loadLanguage(lang).then((texts) => {
        if (!texts) throw new Error('no pack');
        remember(lang, pageTextsOf(texts));
        return texts;
      }),
    ).catch(() => null);

  const show = async (next: UiView) => {
    try {
      if (language != 'en') void loadLanguage(language);
      if (next == 'notice') recordSignal();
      const module = await (ui ||= deps.loadUi());
      await domReady();
      module.show(
        {
          settings,
          $state,
          acceptAll,
          rejectAll,
          close,
          set: (choices, context) => commit(choices, 'custom', context),
          optOut,
          emit,
          language,
          loadLanguage,
        },
        next,
      );
      view = next;
    } catch (error) {
      // A failed chunk must not stick: the next "Cookie settings" click tries again. Blocking holds meanwhile.
      ui = undefined;
      emit('error', { error: error as Error });
    }
  };

  // One placeholder drawer per page, in the visitor's language: English and Chinese are built in, any other
  // comes from its pack (remembered from an earlier page, else fetched).
  let drawer: Promise<(el: Element, need: ResolvedNeed) => void> | undefined;
  const drawHeld = (el: Element, need: ResolvedNeed) => {
    drawer ||= (async () => {
      const pack = PAGE_TEXTS[language] ? null : rememberedPageTexts(language) || (await loadLanguage(language));
      const draw = await deps.placeholder();
      // Where the site asks the age, a placeholder grants nothing by itself: both its buttons open the dialog,
      // which asks first (a child's "load once" would reach the vendor as surely as "always allow").
      const ask = () => void show('preferences');
      return settings.minors.ask
        ? draw(settings, language, $state.get, ask, ask, pack)
        : draw(settings, language, $state.get, (choices) => commit(choices, 'custom', { via: 'placeholder' }), deps.loadOnce, pack);
    })();
    // By the time it is drawn the embed may have been released. A drawer that failed to load is forgotten.
    drawer.then(
      (draw) => isHeld(el) && draw(el, need),
      (error: Error) => {
        drawer = undefined;
        emit('error', { error });
      },
    );
  };

  return {
    acceptAll,
    rejectAll,
    close,
    set: commit,
    show,
    hide,
    drawHeld,
    unmount() {
      unlisten();
      ui?.then(
        (module) => module.unmount(),
        () => {},
      );
    },
  };
}
