import type { Settings } from '../../../core/config/types';
import { installDataLayer } from './data-layer';
import { installGoogleConsentMode } from './google-consent-mode';
import type { IntegrationDeps, PageWindow, Uninstall } from './contract';
import type { IabParts } from '../../../iab/iab-parts';
import { installMetaPixel } from './meta-pixel';
import { installMicrosoftUet } from './microsoft-uet';
import { isPageList } from './page-list';
import type { RuntimeDeps } from '../../runtime';

/**
 * The integrations a config turns on. Consent Mode comes first so its defaults precede anything a released
 * tag sends; the dataLayer "ready" event follows it. The GPP stub answers at once; its full part (string
 * encoding) is fetched separately.
 */
export function installIntegrations(deps: RuntimeDeps, settings: Settings, iab: () => IabParts | undefined): () => void {
  const { googleConsentMode, dataLayer, gpp, metaPixel, microsoftUet } = settings.integrations;
  const integrationDeps: IntegrationDeps = { $state: deps.$state, settings };
  const uninstalls: Uninstall[] = [];
  let stopped = false;
  // Both push onto the data layer (Consent Mode through a gtag shim when the page has none): a name the page
  // took for something else turns them off with one warning, where pushing would throw and stop configuring.
  if ((googleConsentMode?.enabled || dataLayer?.enabled) && isPageList(window as PageWindow, dataLayer?.name || 'dataLayer', deps.warn)) {
    if (googleConsentMode?.enabled) uninstalls.push(installGoogleConsentMode(integrationDeps, deps._beforeEffects));
    if (dataLayer?.enabled) uninstalls.push(installDataLayer(integrationDeps));
  }
  if (metaPixel) uninstalls.push(installMetaPixel(integrationDeps));
  if (microsoftUet) uninstalls.push(installMicrosoftUet(integrationDeps));
  // At hand whenever the config turns TCF or GPP on: the entry loaded them before applying it.
  const parts = iab();
  if (parts) uninstalls.push(parts.installTcf(integrationDeps));
  if (parts && gpp?.enabled) {
    uninstalls.push(parts.installGppStub(window as PageWindow, settings));
    parts.loadGpp().then(
      (install) => stopped || uninstalls.push(install(integrationDeps)),
      (error: Error) => deps.emit('error', { error }),
    );
  }
  return () => {
    stopped = true;
    uninstalls.splice(0).forEach((uninstall) => uninstall());
  };
}
