import type { Settings } from '../config/types';
import { installDataLayer } from '../integrations/data-layer';
import { installGoogleConsentMode } from '../integrations/google-consent-mode';
import { installGppStub } from '../integrations/gpp/stub';
import type { IntegrationHost, PageWindow, Uninstall } from '../integrations/host';
import { installMetaPixel } from '../integrations/meta-pixel';
import { installMicrosoftUet } from '../integrations/microsoft-uet';
import { installTcf } from '../integrations/tcf';
import type { RuntimeHost } from './runtime';

export type GppInstaller = (host: IntegrationHost) => Uninstall;

/**
 * The integrations a config turns on. Consent Mode comes first so its defaults precede anything a released
 * tag sends; the dataLayer "ready" event follows it. The GPP stub answers at once; its full part (string
 * encoding) is fetched separately.
 */
export function installIntegrations(host: RuntimeHost, settings: Settings, loadGpp: () => Promise<GppInstaller>): () => void {
  const { googleConsentMode, dataLayer, gpp, metaPixel, microsoftUet } = settings.integrations;
  const integrationHost: IntegrationHost = { $state: host.$state, settings };
  const uninstalls: Uninstall[] = [];
  let stopped = false;
  if (googleConsentMode?.enabled) uninstalls.push(installGoogleConsentMode(integrationHost));
  if (dataLayer?.enabled) uninstalls.push(installDataLayer(integrationHost));
  uninstalls.push(installTcf(integrationHost));
  if (metaPixel) uninstalls.push(installMetaPixel(integrationHost));
  if (microsoftUet) uninstalls.push(installMicrosoftUet(integrationHost));
  if (gpp?.enabled) {
    uninstalls.push(installGppStub(window as PageWindow, settings));
    loadGpp().then(
      (install) => stopped || uninstalls.push(install(integrationHost)),
      (error: Error) => host.emit('error', { error }),
    );
  }
  return () => {
    stopped = true;
    uninstalls.splice(0).forEach((uninstall) => uninstall());
  };
}
