import { atom, batch, type WritableAtom } from 'nanostores';
import type { Settings } from '../core/config/types';
import type { Consent, UiView } from '../core/policy/api';
import { openBroadcast } from './broadcast';
import { consentCookieName } from '../core/policy/consent-cookie';
import { decide } from '../core/policy/decide';
import { idGranted } from '../core/policy/grant-of';
import { readCookie } from './read-cookie';
import { createEmitter, type Emitter } from './emitter';
import { readSignals } from './read-signals';
import { hasQueuedReceipts } from './queued-receipts';
import type { ConsentRecord, ConsentState } from '../core/policy/types';
import { nameTrustedTypesPolicy } from './effects/trusted-types';
import { loadOnce } from './effects/load-once';
import type { BlockingDeps } from './effects/types';
import type { LanguagePack, UiModule } from '../ui/contract';
import type { ChoiceCore, ChoiceParts } from '../parts/choice-parts';
import { once } from './once';
import { createConfigPhase, type ConfigPhase } from './config-phase';
import type { ChoiceActions } from '../parts/choice-actions';
import { resolveLanguage } from './language';
import { type AddFirstListener, firstListeners } from './first-listeners';

/**
 * What every effect (gate, guard, clean-up, integrations) is given; effects subscribe, nothing pushes.
 * The blocking effects' deps (state, settings, provisional rules, held embeds), plus what the loader adds.
 */
export interface RuntimeDeps extends BlockingDeps {
  emit: Emitter['emit'];
  /** Show the banner or the preferences (loads the UI chunk on first use). */
  show(view: UiView): Promise<void>;
  /** The code that stores a choice and cleans up after a withdrawal, fetched on first use where it is lazy. */
  loadParts(): Promise<ChoiceParts>;
  /** Listen to `$state` ahead of every effect (src/loader/first-listeners.ts). Loader-internal: mangled. */
  _beforeEffects: AddFirstListener<ConsentState>;
}

/** An effect installs itself and returns how to uninstall. */
export type Effect = (deps: RuntimeDeps) => (() => void) | void;

export interface RuntimeOptions {
  /** Effects installed at once, before any config is known (blocking must be first on the page). */
  early?: Effect[];
  /** Effects installed once the config is valid (integrations, clean-up). */
  configured?: Array<(deps: RuntimeDeps, settings: Settings) => (() => void) | void>;
  loadUi(settings: Settings): Promise<UiModule>;
  loadLanguage(lang: string, settings: Settings): Promise<LanguagePack | null>;
  /**
   * Start fetching the UI chunk and a language pack without waiting for them, where the choice parts are
   * lazy (script-tag build). A failed prefetch is swallowed; `loadUi`/`loadLanguage` report their own.
   */
  prefetchUi?(settings: Settings, lang: string): void;
  /** The choice parts when already at hand (npm build, or registered with the validator), else a promise of them. */
  parts(): ChoiceParts | Promise<ChoiceParts>;
  /**
   * The choice core as the UI chunk brings it, for showing the banner or preferences: one request for
   * both (script-tag build). Without it, `parts` serves showing too. Clean-up and placeholders, which the
   * core leaves out, still come from `parts`.
   */
  partsWithUi?(): ChoiceCore | Promise<ChoiceCore>;
}

/**
 * One fetch at a time, synchronous once at hand; a failed fetch is forgotten so the next call tries again.
 * `fetch` says from which file; the first to arrive is kept.
 */
function lazily<T>() {
  let value: T | undefined;
  const request = once<T>();
  const now = (fetch: () => T | Promise<T>): T | Promise<T> => {
    const loading =
      value ||
      request('', () => {
        const ready = fetch();
        return ready instanceof Promise ? ready.then((loaded) => (value = loaded)) : Promise.resolve((value = ready));
      });
    return value || loading;
  };
  return { now, has: () => !!value };
}

export interface Runtime {
  api: Consent;
  deps: RuntimeDeps;
  /** The boot writes where its config is (config-phase.ts); effects read `deps.$configPhase`. */
  $configPhase: WritableAtom<ConfigPhase>;
  /** Apply a validated config: decide from the stored record and signals, show the banner if needed. */
  configure(settings: Settings): void;
  /** The config could not be had: `showBanner()`/`showPreferences()` reject with this until one is applied. */
  refuse(error: Error): void;
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
  const $configPhase = createConfigPhase();
  const emitter = createEmitter((error) => emitter.emit('error', { error: error as Error }));
  const emit = emitter.emit;
  // The whole parts (clean-up, placeholders) and the core that the visitor's actions need: the core may come from the
  // UI chunk, and anything that brings the whole parts brings the core too.
  const parts = lazily<ChoiceParts>();
  const core = lazily<ChoiceCore>();
  const fullParts = () => parts.now(options.parts);
  type Fetch = () => ChoiceCore | Promise<ChoiceCore>;
  const coreNow = (fetch: Fetch = fullParts) => core.now(fetch);
  const loadParts = async () => fullParts();
  // Synchronous whenever the parts are at hand, so a click's decision lands before the click returns.
  const withParts = (action: (parts: ChoiceCore) => void, failed = () => {}, fetch?: Fetch) => {
    const ready = coreNow(fetch);
    if (ready instanceof Promise)
      ready.then(action, (error: Error) => {
        emit('error', { error });
        failed();
      });
    else action(ready);
  };
  const warned = new Set<string>();
  const warn = (message: string) => warned.has(message) || (warned.add(message), console.warn('consentry: ' + message));
  // Inside the SDK (links, the floating button) a refusal was reported already: nothing is left to await.
  // Before any effect listens.
  const deps: RuntimeDeps = {
    $state,
    $settings,
    $configPhase,
    emit,
    warn,
    show: (view) => show(view).catch(() => {}),
    loadParts,
    // Made before any effect listens to $state (the early ones are installed below).
    _beforeEffects: firstListeners($state),
  };
  const cleanups: Array<() => void> = [];
  const pending: Array<() => void> = [];
  let broadcast: ReturnType<typeof openBroadcast> | undefined;
  let ready = false;
  let actions: ChoiceActions | undefined;

  const install = (uninstall: (() => void) | void) => uninstall && cleanups.push(uninstall);
  for (const effect of options.early || []) install(effect(deps));

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

  /** What the signals and a record just made (in place of the jar's, cookies may be disabled) grant. */
  const judge = (settings: Settings, record?: ConsentRecord) => {
    const signals = readSignals(settings);
    return decide(settings, record ? { ...signals, record } : signals);
  };
  const refresh = (settings: Settings, record?: ConsentRecord) => $state.set(judge(settings, record));

  /** Run `action` with the visitor's actions (and the asking around them), made once per page from the parts. */
  const choose = (action: (actions: ChoiceActions) => void, failed?: () => void, fetch?: Fetch) =>
    whenConfigured((settings) =>
      withParts(
        (choice) => {
          actions ||= choice.actions({
            settings,
            language: resolveLanguage(settings.language),
            $state,
            emit,
            decide: (record) => refresh(settings, record),
            judge: (record) => judge(settings, record),
            broadcast: () => broadcast?.post(),
            loadUi: () => options.loadUi(settings),
            loadLanguage: (lang) => options.loadLanguage(lang, settings),
            loadOnce,
            placeholder: async () => (await fullParts()).placeholder,
            store: choice.store,
          });
          action(actions);
        },
        failed,
        fetch,
      ),
    )();

  // Without a config nothing can be shown: a caller awaiting it hears why instead of waiting forever.
  let refusal: Error | undefined;
  const refused: Array<(error: Error) => void> = [];

  /** A visitor without a record gets the banner, or the notice that their browser's signal was honoured. */
  const ask = () => {
    const { needsBanner, needsNotice } = $state.get();
    if (needsBanner || needsNotice) void show(needsBanner ? 'banner' : 'notice');
  };

  const show = (view: UiView) =>
    new Promise<void>((resolve, reject) => {
      if (!$settings.get()) {
        if (refusal) return reject(refusal);
        refused.push(reject);
      }
      // Where the parts are lazy, the UI chunk and the visitor's pack are fetched beside them, not after.
      // (Asked before the parts are at hand, without fetching them: the UI chunk may be what brings them.)
      whenConfigured((settings) => !core.has() && options.prefetchUi?.(settings, resolveLanguage(settings.language)))();
      // Showing needs the UI anyway: where the UI chunk brings the choice parts, they come with it.
      choose((actions) => void actions.show(view).then(resolve), resolve, options.partsWithUi);
    });

  const api: Consent = {
    get settings() {
      return $settings.get() as Settings;
    },
    $state,
    get: () => $state.get(),
    isGranted: (id) => idGranted($state.get(), id),
    acceptAll: () => choose((actions) => actions.acceptAll()),
    rejectAll: () => choose((actions) => actions.rejectAll()),
    set: (choices) => choose((actions) => actions.set(choices, 'api')),
    reset: whenConfigured((settings) =>
      withParts(({ forget }) => {
        forget(settings);
        refresh(settings);
        broadcast?.post();
        ask();
      }),
    ),
    showBanner: () => show('banner'),
    showPreferences: () => show('preferences'),
    hide: () => actions?.hide(),
    on(event, listener) {
      // "ready" is sticky: a listener added after it fired (an SPA that subscribes once createConsent returned)
      // still hears it, on the next microtask.
      if (event === 'ready' && ready) queueMicrotask(() => (listener as (state: ConsentState) => void)($state.get()));
      return emitter.on(event, listener);
    },
    destroy() {
      cleanups.splice(0).forEach((cleanup) => cleanup());
      broadcast?.close();
      actions?.unmount();
      emitter.clear();
    },
  };

  function configure(settings: Settings) {
    nameTrustedTypesPolicy(settings.blocking.trustedTypesPolicy);
    deps.onHeldEmbed = (el, need) => choose((actions) => actions.drawHeld(el, need));
    $settings.set(settings);
    refusal = undefined;
    refused.length = 0;
    // The decision is made first, but its listeners (the gate releasing tags) run only after the integrations
    // are installed: they see the decision itself, and Consent Mode's defaults precede anything a tag sends.
    batch(() => {
      refresh(settings);
      for (const effect of options.configured || []) install(effect(deps, settings));
    });
    broadcast = openBroadcast(settings.cookie.name, () => refresh(settings));
    ready = true;
    emit('ready', $state.get());
    pending.splice(0).forEach((action) => action());
    if (settings.receipts && hasQueuedReceipts()) withParts(({ resend }) => void resend(settings.receipts!.endpoint));
    // A choice read under the old plain name is stored again under `__Host-` (the parts are fetched just this once).
    const record = $state.get().record;
    if (record && !readCookie(consentCookieName(settings.cookie, location.protocol == 'https:')))
      withParts(({ keep }) => keep(settings, record));
    if (!actions) ask();
  }

  const refuse = (error: Error) => {
    refusal = error;
    refused.splice(0).forEach((reject) => reject(error));
  };

  return { api, deps, $configPhase, configure, refuse };
}
