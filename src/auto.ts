/**
 * Script-tag entry: `<script src=".../consentry.min.js" data-config="/consent.json"></script>`, first in
 * <head>, synchronous. Blocking is installed before anything else on the page can run; the config comes
 * from an inline `<script type="application/json" id="consentry-config">`, the `data-config` URL, or a
 * later `Consentry.init(config)`. Until a valid config arrives every non-essential tag stays held.
 */
import type { ConsentryConfig, Settings } from './config/types';
import { validateConfig } from './config/validate';
import type { Consent } from './consent/api';
import { configuredEffects, EARLY_EFFECTS } from './loader/effects';
import { scriptLazyLoaders } from './loader/lazy-script';
import { createRuntime } from './loader/runtime';
import { toScriptURL } from './blocking/trusted-types';

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

function boot(script: HTMLScriptElement | null) {
  const loaderBase = script?.src ? script.src.replace(/[^/]*$/, '') : '';
  const nonce = script?.nonce || '';
  const lazy = scriptLazyLoaders(loaderBase, (settings) => ({ nonce: settings.ui.nonce || nonce, toScriptURL }));
  let current: Settings | undefined;
  const runtime = createRuntime({
    early: EARLY_EFFECTS,
    configured: configuredEffects(() => lazy.loadGpp(current!)),
    loadUi: (settings) => lazy.loadUi((current = settings)),
    loadLanguage: lazy.loadLanguage,
  });
  const fail = (error: Error) => {
    // One readable line for the site owner; the page keeps blocking every non-essential tag.
    console.error(error.message);
    runtime.host.emit('error', { error });
  };
  let configured = false;
  const init = (config: unknown) => {
    if (configured) return;
    try {
      const settings = validateConfig(config);
      configured = true;
      current = settings;
      runtime.configure(settings);
    } catch (error) {
      fail(error as Error);
    }
  };
  window.Consentry = Object.assign(runtime.api, { init, version: __VERSION__ });

  const url = script?.getAttribute('data-config');
  if (url) {
    fetch(url, { credentials: 'same-origin', signal: AbortSignal.timeout?.(CONFIG_TIMEOUT_MS) })
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error('HTTP ' + response.status))))
      .then(init, (error: Error) => fail(new Error(`consentry: could not load config from ${url}: ${error.message}`)));
  } else whenInlineConfig(init);
}

/**
 * The inline config usually follows the loader in <head>, so it is not parsed yet when the loader runs:
 * take it the moment the parser adds it (tags after it are decided before they run), or at DOMContentLoaded.
 */
function whenInlineConfig(use: (json: string) => void) {
  let taken = false;
  const take = () => {
    const text = document.getElementById('consentry-config')?.textContent;
    if (taken || text == null) return taken;
    // The parser may have added the element but not all of its text yet: wait for the rest.
    if (document.readyState == 'loading' && !isJson(text)) return false;
    observer.disconnect();
    use(text);
    return (taken = true);
  };
  const observer = new MutationObserver(take);
  if (take()) return;
  observer.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => take() || observer.disconnect(), { once: true });
}

function isJson(text: string) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// Loaded twice on one page: the first instance stays the only one.
if (typeof window !== 'undefined' && !window.Consentry) boot(document.currentScript as HTMLScriptElement | null);
