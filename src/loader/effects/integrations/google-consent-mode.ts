import type { Settings } from '../../../core/config/types';
import type { ConsentState } from '../../../core/policy/types';
import type { AddFirstListener } from '../../first-listeners';
import { consentModeDefaults, consentModeMapping, consentModeState } from './consent-mode-state';
import { gtagFor } from './gtag';
import { pageWindow, type IntegrationDeps, type PageWindow, type Uninstall } from './contract';

const layerName = (settings: Settings) => settings.integrations.dataLayer?.name || 'dataLayer';
const gtagOf = (settings: Settings, win: PageWindow) => gtagFor(win, layerName(settings));

/**
 * Tell Google the defaults before any tag can send data: run synchronously at loader start, first in <head>.
 * Then, when a stored record or the regime (opt-out, notice-only) decides, the matching `update` at once.
 */
export function setConsentModeDefaults(settings: Settings, state: ConsentState, win: PageWindow): void {
  const { adsDataRedaction, urlPassthrough } = settings.integrations.googleConsentMode || {};
  const mapping = consentModeMapping(settings);
  const gtag = gtagOf(settings, win);
  // A config that arrives late (fetched, or validated by a file of its own) finds the page's gtag commands
  // already queued. While no Google library has taken the queue over (its push is still the array's own),
  // the defaults are put in front of them, where Google requires them.
  const found = win[layerName(settings)];
  const layer: unknown[] | undefined = Array.isArray(found) && found.push == [].push ? found : undefined;
  const queued = layer ? layer.splice(0) : [];
  for (const command of consentModeDefaults(settings, mapping)) gtag('consent', 'default', command);
  if (adsDataRedaction) gtag('set', 'ads_data_redaction', true);
  if (urlPassthrough) gtag('set', 'url_passthrough', true);
  // Only an opt-in regime without a record leaves every grant at its default (policy: src/core/policy/decide.ts).
  if (state.record || state.regime != 'opt-in') gtag('consent', 'update', consentModeState(state.categories, mapping));
  layer?.push(...queued);
}

/**
 * Google Consent Mode v2: defaults now, then an `update` on every change of the consent state (a decision here,
 * in another tab, a reset), pushed before the gate releases any held tag: `beforeEffects` listens ahead of every
 * effect (src/loader/first-listeners.ts).
 */
export function installGoogleConsentMode(deps: IntegrationDeps, beforeEffects: AddFirstListener<ConsentState>): Uninstall {
  const { settings, $state } = deps;
  const win = pageWindow(deps);
  const mapping = consentModeMapping(settings);
  setConsentModeDefaults(settings, $state.get(), win);
  return beforeEffects((state) => gtagOf(settings, win)('consent', 'update', consentModeState(state.categories, mapping)));
}
