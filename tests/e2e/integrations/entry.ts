/**
 * Test loader: stands in for the lead's loader until dist/consentry.min.js wires the integrations.
 * The page sets `window.__consentryTestConfig = { settings, state }` first; this file then does, synchronously,
 * what the loader must do: build the store, register a gate-like listener (as the real gate subscribes before the
 * integrations are installed; they listen ahead of it through `firstListeners`, as in the runtime), install Consent Mode, the data layer events, the GPP and TCF stubs and the vendor switches,
 * and load the GPP full part lazily (entry-gpp.js).
 */
import { atom } from 'nanostores';
import type { Settings } from '../../../src/core/config/types';
import type { ConsentState } from '../../../src/core/policy/types';
import { installDataLayer } from '../../../src/loader/effects/integrations/data-layer';
import { installGoogleConsentMode } from '../../../src/loader/effects/integrations/google-consent-mode';
import { installGppStub } from '../../../src/iab/gpp/stub';
import type { PageWindow } from '../../../src/loader/effects/integrations/contract';
import { installMetaPixel } from '../../../src/loader/effects/integrations/meta-pixel';
import { installMicrosoftUet } from '../../../src/loader/effects/integrations/microsoft-uet';
import { installTcf } from '../../../src/iab/tcf';
import { firstListeners } from '../../../src/loader/first-listeners';
import { tcfSource } from '../../../src/iab/tcf-source';

const win = window as PageWindow;
const { settings, state } = win.__consentryTestConfig as { settings: Settings; state: ConsentState };
const $state = atom<ConsentState>(state);
// As the runtime does, before any effect listens: integrations listen ahead of the gate through it.
const beforeEffects = firstListeners($state);

// Gate stand-in: on a grant, held `<script type="text/plain" data-category>` run, synchronously, like the gate's.
const release = (current: ConsentState) => {
  for (const held of Array.from(document.querySelectorAll<HTMLScriptElement>('script[type="text/plain"][data-category]'))) {
    if (!current.categories[held.dataset.category!]) continue;
    const script = document.createElement('script');
    script.textContent = held.textContent;
    held.replaceWith(script);
  }
};
$state.listen(release);

const deps = { $state, settings };
const { integrations } = settings;
if (integrations.googleConsentMode?.enabled) installGoogleConsentMode(deps, beforeEffects);
if (integrations.dataLayer?.enabled) installDataLayer(deps);
if (integrations.gpp?.enabled) {
  installGppStub(win, settings);
  const full = document.createElement('script');
  full.src = (document.currentScript as HTMLScriptElement).src.replace('entry.js', 'entry-gpp.js');
  full.async = true;
  document.head.appendChild(full);
}
installTcf(deps);
if (integrations.metaPixel) installMetaPixel(deps);
if (integrations.microsoftUet) installMicrosoftUet(deps);
document.addEventListener('DOMContentLoaded', () => release($state.get()));

win.__consentryTest = {
  ...deps,
  decide(categories: { [id: string]: boolean }) {
    const record = {
      id: 't',
      time: Date.now(),
      revision: 1,
      categories,
      services: {},
      method: 'custom' as const,
      expires: Date.now() + 1e9,
    };
    $state.set({ ...$state.get(), status: 'decided', categories: { ...categories, essential: true }, record, needsBanner: false });
  },
  tcfSource: (tcString: string) => tcfSource(() => tcString),
};
