import type { Settings } from '../../core/config/types';
import { addedCatalogueHosts } from '../classify/catalogue-service-hosts';

/**
 * A warning for each service that needs a separate consent while the vendor catalogue knows hosts of it (its
 * id is the vendor's) that its `hosts` do not list. A raw config is validated in the browser, which has no
 * catalogue: a tag from such a host is held for the service's category only, so granting the category
 * releases it with the separate consent refused. The HTML rewriter and the compiled config know better; a
 * raw config on the page alone does not, and silence would hide that.
 */
export function catalogueHostWarnings(settings: Settings): string[] {
  const warnings: string[] = [];
  settings.services.forEach((service, index) => {
    const consents = service.separateConsents || [];
    const missing = consents.length ? addedCatalogueHosts(settings.services, index) : [];
    if (!missing.length) return;
    warnings.push(
      `services.${service.id}: needs the separate consent${consents.length > 1 ? 's' : ''} ${consents.join(', ')}, but consentry's vendor ` +
        `catalogue knows hosts of "${service.id}" its hosts do not list (${missing.join(', ')}): on the page a tag from them waits ` +
        `for the category "${service.category}" alone. Add them to hosts, or use build-config --compiled, which adds them`,
    );
  });
  return warnings;
}
