/**
 * Script-tag entry: `<script src=".../consentry.min.js" data-config="/consent.json"></script>`, first in
 * <head>, synchronous. Blocking is installed before anything else on the page can run; the config comes
 * from an inline `<script type="application/json" id="consentry-config">`, the `data-config` URL, or a
 * later `Consentry.init(config)`. Until a valid config arrives every non-essential tag stays held.
 */
import { readCompiled } from '../core/config/compiled';
import { deepFreeze } from '../core/config/deep-freeze';
import { DEFAULT_COOKIE_NAME } from '../core/config/defaults';
import type { ConsentryConfig, Settings } from '../core/config/types';
import { readCookie } from './read-cookie';
import type { Consent } from '../core/policy/api';
import { needsIab } from '../iab/iab-parts';
import { bootHints } from './boot-hints';
import { configuredEffects, EARLY_EFFECTS } from './effect-order';
import { resolveLanguage } from './language';
import { hintsOf, scriptLazyLoaders } from './lazy-script';
import { whenInlineConfig } from './inline-config';
import { createRuntime } from './runtime';
import { cacheSettings, readCachedSettings } from './settings-cache';
import { SHARED } from './face';
import { nameTrustedTypesPolicy, toOwnScriptURL } from './effects/trusted-types';
import type { ConfigPhase } from './config-phase';

export interface ConsentryGlobal extends Consent {
  /** Configure a page that has no inline or data-config config. Ignored once configured. */
  init(config: ConsentryConfig | string): void;
  version: string;
}

declare global {
  interface Window {
    Consentry?: ConsentryGlobal;
  }
}

const CONFIG_TIMEOUT_MS = 10_000;

/** The config as an object, or undefined when its text is not JSON (the validator then names the problem). */
const parsed = (config: unknown) => {
  try {
    return typeof config == 'string' ? JSON.parse(config) : config;
  } catch {
    return undefined;
  }
};

function boot(script: HTMLScriptElement | null) {
  const loaderBase = script?.src ? script.src.replace(/[^/]*$/, '') : '';
  const nonce = script?.nonce || '';
  // The config's own request must not wait for the config: taken before the network guard wraps fetch.
  const fetchConfig = window.fetch.bind(window);
  const lazy = scriptLazyLoaders(loaderBase, nonce, toOwnScriptURL);
  let current: Settings | undefined;
  const runtime = createRuntime({
    early: EARLY_EFFECTS,
    configured: configuredEffects(lazy.iab),
    loadUi: (settings) => lazy.loadUi(hintsOf(settings)),
    loadLanguage: (lang, settings) => lazy.loadLanguage(lang, hintsOf(settings)),
    prefetchUi: (settings, lang) => lazy.prefetchUi(hintsOf(settings), lang),
    parts: () => lazy.parts(hintsOf(current!)),
    partsWithUi: () => lazy.partsWithUi(hintsOf(current!)),
  });
  // Read before any page script runs (blocking effects read it when they hold or activate a script).
  runtime.deps.nonce = nonce;
  // Requests that a coming config might name wait for it (the auto-blocker subscribes to the phase).
  const { $configPhase } = runtime;
  const phase = (next: Partial<ConfigPhase>) => $configPhase.set({ ...$configPhase.get(), ...next });
  const awaitConfig = (provisional: ConfigPhase['provisional'] = null) => phase({ coming: true, provisional });
  const settled = () => phase({ coming: false });
  const fail = (error: Error) => {
    settled();
    // One readable line for the site owner; the page keeps blocking every non-essential tag.
    console.error(error.message);
    runtime.refuse(error);
    runtime.deps.emit('error', { error });
  };
  // Nothing of the SDK's own is stored before the visitor has chosen (docs/security.md): the settings cache
  // waits for a record, made on this page or read from the cookie.
  const whenChosen = (then: () => void) => {
    const { $state } = runtime.deps;
    if ($state.get().record) return then();
    const stop = $state.listen((state) => {
      if (state.record) stop(), then();
    });
  };
  let configured = false;
  // Whether anything ever tried to configure the page (a failure has said so already).
  let called = false;
  const init = (config: unknown) => {
    called = true;
    if (configured) return;
    // Taken at once, even while the validator is on its way: a later init() must not race this one.
    configured = true;
    const failed = (error: Error) => {
      configured = false;
      // An invalid config names nothing for sure: every cross-origin tag waits again.
      phase({ provisional: null });
      fail(error);
    };
    const apply = (settings: Settings) => {
      // TCF and GPP stubs must answer before any released tag asks: their file comes first. Meanwhile, as
      // while validating, what these settings name waits and every other request goes (settings from the
      // cache set neither).
      if (needsIab(settings.integrations) && !lazy.iab()) {
        awaitConfig(settings);
        return void lazy.loadIab(hintsOf(settings)).then(() => apply(settings), failed);
      }
      try {
        runtime.configure((current = settings));
        settled();
      } catch (error) {
        fail(error as Error);
      }
    };
    let text = '';
    try {
      text = typeof config == 'string' ? config : JSON.stringify(config);
    } catch {
      // Not serialisable (a cycle): the validator names the problem.
    }
    // The production form: Settings compiled where the owner works, applied after a cheap structural check,
    // without the validator (see src/core/config/compiled.ts). Refused when it fails that check: tags stay held.
    const compiled = readCompiled(parsed(config), __VERSION__);
    if (compiled instanceof Error) return failed(compiled);
    if (compiled) return apply(deepFreeze(compiled));
    const cached = text && readCachedSettings(text);
    if (cached) return apply(cached);
    const hints = bootHints(config);
    // Meanwhile the page's own tags run as they would under this config; what it names waits.
    awaitConfig(hints.classifying || null);
    // The validator file itself may need the site's policy to load under Trusted Types.
    if (hints.trustedTypesPolicy) nameTrustedTypesPolicy(hints.trustedTypesPolicy);
    const validating = lazy.loadValidator(hints);
    // A visitor who never chose will be asked: the banner's chunk and language come beside the validator,
    // not after it. A returning visitor's page (the cookie is there) fetches no UI.
    const cookieName = hints.cookieName || DEFAULT_COOKIE_NAME;
    if (!readCookie(cookieName) && !readCookie('__Host-' + cookieName)) lazy.prefetchUi(hints, resolveLanguage(hints.language || 'auto'));
    validating.then((validateConfig) => {
      let settings: Settings;
      try {
        settings = validateConfig(config);
      } catch (error) {
        return failed(error as Error);
      }
      apply(settings);
      if (text) whenChosen(() => cacheSettings(text, settings));
    }, failed);
  };
  window.Consentry = Object.assign(runtime.api, { init, version: __VERSION__ });
  // Before any lazy file loads: the parts file reads these instead of carrying copies.
  Object.assign(globalThis, { __consentryShared: SHARED });

  const url = script?.getAttribute('data-config');
  if (url) {
    awaitConfig();
    fetchConfig(url, { credentials: 'same-origin', signal: AbortSignal.timeout?.(CONFIG_TIMEOUT_MS) })
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error('HTTP ' + response.status))))
      .then(init, (error: Error) => fail(new Error(`consentry: could not load config from ${url}: ${error.message}`)));
  } else
    whenInlineConfig(script, nonce, init, (message) => {
      // Unless Consentry.init() configured the page meanwhile: say so, and let a waiting showPreferences() hear it.
      if (called) return;
      console.warn(message);
      runtime.refuse(new Error(message));
    });
}

// Loaded twice on one page: the first instance stays the only one.
if (typeof window !== 'undefined' && !window.Consentry) boot(document.currentScript as HTMLScriptElement | null);
