import { installAutoBlocker } from './effects/auto-blocker';
import { installCookieGuard } from './effects/cookie-guard';
import { installFrameGuards } from './effects/frame-guards';
import { installGate } from './effects/gate';
import { installStorageGuard } from './effects/storage-guard';
import { installWithdrawalCleanup } from './effects/withdrawal-cleanup';
import type { BlockingDeps, Win } from './effects/types';
import type { Settings } from '../core/config/types';
import { installFloatingButton } from './effects/floating-button';
import type { IabParts } from '../iab/iab-parts';
import { installIntegrations } from './effects/integrations/install-integrations';
import { resolveLanguage } from './language';
import { installOpenLinks } from './effects/open-links';
import type { Effect, RuntimeDeps } from './runtime';

/**
 * The effects both entries install, in order. Early ones run before any config is known: blocking
 * must hold the page's tags from the first line on.
 */
export const EARLY_EFFECTS: Effect[] = [
  installAutoBlocker,
  installGate,
  installCookieGuard,
  installStorageGuard,
  (deps) => installFrameGuards(deps, (win) => guardFrame(deps, win)),
  (deps) =>
    installWithdrawalCleanup(deps, { cleanUp: async (withdrawal, settings) => (await deps.loadParts()).cleanUp(withdrawal, settings) }),
];

/**
 * The guards of a same-origin child window (its frames' included), deciding from the page's store. They live
 * as long as that window: nothing to uninstall.
 */
const guardFrame = (deps: BlockingDeps, win: Win): void => {
  for (const install of [installAutoBlocker, installCookieGuard, installStorageGuard]) install(deps, win);
  installFrameGuards(deps, (child) => guardFrame(deps, child), win);
};

type ConfiguredEffect = (deps: RuntimeDeps, settings: Settings) => (() => void) | void;

const reopenControls: ConfiguredEffect = (deps, settings) => {
  const open = () => void deps.show('preferences');
  const removeLinks = installOpenLinks((view) => void deps.show(view));
  const language = resolveLanguage(settings.language);
  const removeButton = settings.ui.floatingButton
    ? installFloatingButton(deps.$state, language, settings.texts[language]?.reopen, open)
    : undefined;
  return () => {
    removeLinks();
    removeButton?.();
  };
};

/** Each entry supplies the IAB parts (imported, or a script next to the loader fetched before configuring). */
export const configuredEffects = (iab: () => IabParts | undefined): ConfiguredEffect[] => [
  (deps, settings) => installIntegrations(deps, settings, iab),
  reopenControls,
];
