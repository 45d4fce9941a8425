import { atom, batch } from 'nanostores';
import type { Settings } from '../config/types';
import type { Consent, UiView } from '../consent/api';
import { openBroadcast } from '../consent/broadcast';
import { decide } from '../consent/decide';
import { createEmitter, type Emitter } from '../consent/emitter';
import { readSignals } from '../consent/read-signals';
import { hasQueuedReceipts } from '../consent/receipts';
import type { Choices, ConsentMethod, ConsentState } from '../consent/types';
import { nameTrustedTypesPolicy } from '../blocking/trusted-types';
import { loadOnce } from '../blocking/load-once';
import { isHeld } from '../blocking/marking';
import type { BlockingHost, ResolvedNeed } from '../blocking/types';
import type { Extras, LanguagePack, UiContext, UiModule } from '../ui/contract';
import type { ChoiceParts } from './choice-parts';
import { domReady } from './dom-ready';
import { PAGE_TEXTS } from '../ui/i18n/page-texts';
import { resolveLanguage } from './language';
import { pageTextsOf } from './page-texts-of';
import { rememberedPageTexts, rememberPageTexts } from './remembered-texts';

/**
 * What every effect (gate, guard, clean-up, integrations) is given; effects subscribe, nothing pushes.
 * The blocking effects' host (state, settings, provisional rules, held embeds), plus what the loader adds.
 */
export interface RuntimeHost extends BlockingHost {
  emit: Emitter['emit'];
  /** Show the banner or the preferences (loads the UI chunk on first use). */
  show(view: UiView): Promise<void>;
  /** The code that stores a choice and cleans up after a withdrawal, fetched on first use where it is lazy. */
  loadParts(): Promise<ChoiceParts>;
}

/** An effect installs itself and returns how to uninstall. */
export type Effect = (host: RuntimeHost) => (() => void) | void;

export interface RuntimeOptions {
  /** Effects installed at once, before any config is known (blocking must be first on the page). */
  early?: Effect[];
  /** Effects installed once the config is valid (integrations, clean-up). */
  configured?: Array<(host: RuntimeHost, settings: Settings) => (() => void) | void>;
  loadUi(settings: Settings): Promise<UiModule>;
  loadLanguage(lang: string, settings: Settings): Promise<LanguagePack | null>;
  /** The choice parts when already at hand (npm build, or registered with the validator), else a promise of them. */
  parts(): ChoiceParts | Promise<ChoiceParts>;
}

export interface Runtime {
  api: Consent;
  host: RuntimeHost;
  /** Apply a validated config: decide from the stored record and signals, show the banner if needed. */
  configure(settings: Settings): void;
}

const EMPTY: ConsentState = {
  status: 'pending',
  categories: { essential: true },
  services: {},
  record: null,
  regime: 'opt-in',
  region: null,
  gpc: false,
  needsBanner: false,
};

function changesBetween(before: { [id: string]: boolean }, after: { [id: string]: boolean }) {
  const changed: { [id: string]: boolean } = {};
  for (const id of Object.keys(after)) if (!!before[id] !== after[id]) changed[id] = after[id];
  return changed;
}

export function createRuntime(options: RuntimeOptions): Runtime {
  const $state = atom<ConsentState>(EMPTY);
  const $settings = atom<Settings | null>(null);
  const emitter = createEmitter((error) => emitter.emit('error', { error: error as Error }));
  const emit = emitter.emit;
  let parts: ChoiceParts | undefined;
  let partsLoading: Promise<ChoiceParts> | undefined;
  // One fetch at a time; a failed one is forgotten so the next choice tries again.
  const partsNow = (): ChoiceParts | Promise<ChoiceParts> => {
    if (parts) return parts;
    const ready = partsLoading || options.parts();
    if (!(ready instanceof Promise)) return (parts = ready);
    return (partsLoading ||= ready.then(
      (loaded) => (parts = loaded),
      (error) => {
        partsLoading = undefined;
        throw error;
      },
    ));
  };
  const loadParts = async () => partsNow();
  // Synchronous whenever the parts are at hand, so a click's decision lands before the click returns.
  const withParts = (action: (parts: ChoiceParts) => void) => {
    const ready = partsNow();
    if (ready instanceof Promise) ready.then(action, (error: Error) => emit('error', { error }));
    else action(ready);
  };
  const host: RuntimeHost = { $state, $settings, emit, show: (view) => show(view), loadParts };
  const cleanups: Array<() => void> = [];
  const pending: Array<() => void> = [];
  let ui: Promise<UiModule> | undefined;
  let view: UiView | null = null;
  let broadcast: ReturnType<typeof openBroadcast> | undefined;
  let ready = false;

  const install = (uninstall: (() => void) | void) => uninstall && cleanups.push(uninstall);
  for (const effect of options.early || []) install(effect(host));

  // Every grant change is announced once, whoever caused it (this tab, another tab, a reset).
  install(
    $state.listen((state, before = EMPTY) => {
      const categories = changesBetween(before.categories, state.categories);
      const services = changesBetween(before.services, state.services);
      if (Object.keys(categories).length || Object.keys(services).length) emit('change', { categories, services, state });
    }),
  );

  const whenConfigured = (action: (settings: Settings) => void) => () => {
    const settings = $settings.get();
    if (settings) action(settings);
    else pending.push(() => action($settings.get()!));
  };

  const refresh = (settings: Settings) => {
    $state.set(decide(settings, readSignals(settings)));
    // Decided elsewhere (another tab): this tab's banner has nothing left to ask.
    if (view === 'banner' && !$state.get().needsBanner) hide();
  };

  const commit = (settings: Settings, choices: Choices, method: ConsentMethod) =>
    withParts(({ store }) => {
      const record = store(settings, choices, method, $state.get());
      // Decide from the record we just made, not from the jar: with cookies disabled the choice must still hold.
      const signals = { ...readSignals(settings), record };
      $state.set(decide(settings, signals));
      broadcast?.post();
      emit('consent', $state.get());
      hide();
    });

  const allCategories = (settings: Settings, granted: boolean) => {
    const categories: { [id: string]: boolean } = {};
    for (const { id } of settings.categories) categories[id] = granted;
    return categories;
  };

  const acceptAll = (extras?: Extras) =>
    whenConfigured((s) => commit(s, { ...extras, categories: allCategories(s, true) }, 'accept-all'))();
  const rejectAll = (extras?: Extras) =>
    whenConfigured((s) => commit(s, { ...extras, categories: allCategories(s, false), crossBorder: false }, 'reject-all'))();
  const close = whenConfigured((s) => commit(s, { categories: allCategories(s, false), crossBorder: false }, 'close'));

  // One request per pack, shared by the early fetch below and the UI's own ask; a failed one is forgotten.
  const packs = new Map<string, Promise<LanguagePack | null>>();
  const loadLanguage = (lang: string, settings: Settings) => {
    if (!packs.has(lang)) {
      packs.set(
        lang,
        options.loadLanguage(lang, settings).then((texts) => {
          // Kept for the next page's reopen button and placeholders, which otherwise need no pack.
          if (texts) rememberPageTexts(lang, pageTextsOf(texts));
          else packs.delete(lang);
          return texts;
        }),
      );
    }
    return packs.get(lang)!;
  };

  const uiContext = (settings: Settings): UiContext => {
    const language = resolveLanguage(settings.language);
    return {
      settings,
      $state,
      acceptAll,
      rejectAll,
      close,
      set: (choices) => commit(settings, choices, 'custom'),
      emit,
      language,
      loadLanguage: (lang) => loadLanguage(lang, settings),
    };
  };

  const show = (next: UiView) =>
    new Promise<void>((resolve) =>
      whenConfigured(async (settings) => {
        try {
          // The visitor is about to choose: have the code that stores it ready by then, and the visitor's
          // language pack on its way beside the UI chunk rather than after it (English is built in).
          loadParts().catch(() => {});
          const language = resolveLanguage(settings.language);
          if (language != 'en') void loadLanguage(language, settings);
          const module = await (ui ||= options.loadUi(settings));
          await domReady();
          module.show(uiContext(settings), next);
          view = next;
        } catch (error) {
          // A failed chunk must not stick: the next "Cookie settings" click tries again. Blocking holds meanwhile.
          ui = undefined;
          emit('error', { error: error as Error });
        }
        resolve();
      })(),
    );

  function hide() {
    view = null;
    ui?.then((module) => module.hide(), () => {});
  }

  const api: Consent = {
    get settings() {
      return $settings.get() as Settings;
    },
    $state,
    get: () => $state.get(),
    isGranted(id) {
      const state = $state.get();
      return !!(state.categories[id] ?? state.services[id]);
    },
    acceptAll: () => acceptAll(),
    rejectAll: () => rejectAll(),
    set: (choices) => whenConfigured((s) => commit(s, choices, 'api'))(),
    reset: whenConfigured((settings) =>
      withParts(({ forget }) => {
        forget(settings);
        refresh(settings);
        broadcast?.post();
        if ($state.get().needsBanner) void show('banner');
      }),
    ),
    showBanner: () => show('banner'),
    showPreferences: () => show('preferences'),
    hide,
    on(event, listener) {
      // "ready" is sticky: a listener added after it fired (an SPA that subscribes once createConsent returned)
      // still hears it, on the next microtask.
      if (event === 'ready' && ready) queueMicrotask(() => (listener as (state: ConsentState) => void)($state.get()));
      return emitter.on(event, listener);
    },
    destroy() {
      cleanups.splice(0).forEach((cleanup) => cleanup());
      broadcast?.close();
      ui?.then((module) => module.unmount(), () => {});
      emitter.clear();
    },
  };

  function configure(settings: Settings) {
    nameTrustedTypesPolicy(settings.blocking.trustedTypesPolicy);
    // One placeholder drawer per page, made once the parts came, in the visitor's language: English and Chinese
    // are in the loader, any other comes from its pack (remembered from an earlier page, else fetched).
    let drawer: Promise<(el: Element, need: ResolvedNeed) => void> | undefined;
    const language = resolveLanguage(settings.language);
    host.onHeldEmbed = (el, need) =>
      withParts(({ placeholders }) => {
        drawer ||= (async () => {
          const pack = PAGE_TEXTS[language] ? null : rememberedPageTexts(language) || (await loadLanguage(language, settings));
          return placeholders(settings, $state.get, (choices) => commit(settings, choices, 'custom'), loadOnce, pack);
        })();
        // By the time it is drawn the embed may have been released.
        void drawer.then((draw) => isHeld(el) && draw(el, need));
      });
    $settings.set(settings);
    // The decision is made first, but its listeners (the gate releasing tags) run only after the integrations
    // are installed: they see the decision itself, and Consent Mode's defaults precede anything a tag sends.
    batch(() => {
      refresh(settings);
      for (const effect of options.configured || []) install(effect(host, settings));
    });
    broadcast = openBroadcast(settings.cookie.name, () => refresh(settings));
    ready = true;
    emit('ready', $state.get());
    pending.splice(0).forEach((action) => action());
    if (settings.receipts && hasQueuedReceipts()) withParts(({ resend }) => void resend(settings.receipts!.endpoint));
    if ($state.get().needsBanner && !view) void show('banner');
  }

  return { api, host, configure };
}
