import type { ConsentryConfig } from '../core/config/types';
import { validateConfig } from '../core/config/validate';
import type { Consent } from '../core/policy/api';
import { choiceParts } from '../parts/choice-parts';
import { configuredEffects, EARLY_EFFECTS } from '../loader/effect-order';
import { inertConsent } from './inert-consent';
import { esmIab, loadLanguagePack, loadUiModule } from './lazy-esm';
import { createRuntime } from '../loader/runtime';

/**
 * Create the consent instance for a single-page app. Throws a `ConfigError` naming every problem when the
 * config is invalid; marked tags then stay inert because nothing activates them.
 * Safe to import and call during server-side rendering: without a DOM it returns an inert instance.
 */
export function createConsent(config: ConsentryConfig | string): Consent {
  const settings = validateConfig(config);
  if (typeof window === 'undefined' || typeof document === 'undefined') return inertConsent(settings);
  const runtime = createRuntime({
    early: EARLY_EFFECTS,
    configured: configuredEffects(() => esmIab),
    loadUi: loadUiModule,
    loadLanguage: loadLanguagePack,
    parts: () => choiceParts,
  });
  runtime.configure(settings);
  return runtime.api;
}
