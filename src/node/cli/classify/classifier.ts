import type { ServiceSettings, Settings } from '../../../core/config/types';
import { isHostWithin } from '../../../core/classify/host-within';
import { matchesDeclared } from '../../../core/classify/name-pattern';
import { urlCategory } from '../../../core/classify/url-category';
import { UNCLASSIFIED, type Classification, type Setter, type StorageType } from '../types';
import { localize } from '../../../core/texts/localize';
import { sdkStoragePurpose } from './sdk-storage';
import { isThirdPartyUrl, registrableDomain } from './party';
import type { TableHit, Tables } from './tables';

export interface ClassifierOptions {
  tables: Tables;
  /** The site's own consentry settings, when it has consentry (or `--config` gave one). */
  settings: Settings | null;
  siteOrigin: string;
}

export interface Classifier {
  cookie(cookie: { name: string; domain: string; setBy: Setter }): Classification;
  storage(item: { type: StorageType; key: string; origin: string; setBy: Setter }): Classification;
  request(url: string): Classification;
}

const DEFAULT_CONSENT_COOKIE = 'consentry';

const unclassified = (): Classification => ({ category: UNCLASSIFIED, provider: '', purpose: '', source: 'none' });

function fromService(service: ServiceSettings, purpose: string, pattern?: { name: string; prefix: boolean }): Classification {
  return {
    category: service.category,
    provider: service.provider || service.name || service.id,
    purpose: purpose || localize(service.purpose, 'en'),
    source: 'config',
    service: service.id,
    ...(service.privacyPolicyUrl ? { privacyUrl: service.privacyPolicyUrl } : {}),
    ...(pattern ? { pattern } : {}),
  };
}

function fromTable(hit: TableHit): Classification {
  return {
    category: hit.category,
    provider: hit.provider,
    purpose: hit.purpose,
    source: 'table',
    ...(hit.privacyUrl ? { privacyUrl: hit.privacyUrl } : {}),
    ...(hit.retention ? { retention: hit.retention } : {}),
    ...(hit.pattern ? { pattern: hit.pattern } : {}),
    ...(hit.vendor ? { vendor: hit.vendor } : {}),
  };
}

/**
 * Sorts findings into categories. consentry's own cookie and keys are essential, each with what it
 * holds. Then the site's own declarations (the owner may reclassify anything): cookie and key names,
 * and for a cookie, the server or script the config names as its setter. Then the SDK's built-in
 * tables, matched on name together with domain. A cookie or key the tables do not know takes the category of the known third
 * party that set or holds it. Anything else is `unclassified`: never silently essential.
 */
export function createClassifier({ tables, settings, siteOrigin }: ClassifierOptions): Classifier {
  const services = settings?.services || [];
  const consentCookie = settings?.cookie.name || DEFAULT_CONSENT_COOKIE;

  const request = (url: string): Classification => {
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return unclassified();
    }
    const table = tables.host(host);
    const declared = settings ? urlCategory(url, settings, siteOrigin) : null;
    if (declared && (declared.service || !table || table.category != declared.category)) {
      const service = services.find((candidate) => candidate.id == declared.service);
      return service
        ? fromService(service, '')
        : {
            category: declared.category,
            provider: new URL(url).hostname,
            purpose: "Declared in the site's blocking rules",
            source: 'config',
          };
    }
    return table ? fromTable(table) : unclassified();
  };

  /** A cookie or key nobody declared: blame the third party that set it, when it is known. */
  const bySetter = (setBy: Setter): Classification | null => {
    if (setBy.kind == 'unknown' || !isThirdPartyUrl(setBy.url, siteOrigin)) return null;
    const party = request(setBy.url);
    if (party.category == UNCLASSIFIED) return null;
    const how = setBy.kind == 'header' ? 'Set by a response from ' : 'Written by a script from ';
    return { ...party, purpose: party.purpose || how + new URL(setBy.url).host, pattern: undefined };
  };

  /** Something kept on a third party's own domain or origin belongs to that party, when it is known. */
  const byOwner = (url: string, what: string): Classification | null => {
    if (!isThirdPartyUrl(url, siteOrigin)) return null;
    const party = request(url);
    return party.category == UNCLASSIFIED ? null : { ...party, purpose: party.purpose || what + new URL(url).host, pattern: undefined };
  };

  return {
    cookie({ name, domain, setBy }) {
      const host = domain.replace(/^\./, '');
      // On https the SDK stores it as `__Host-<name>` (src/core/policy/consent-cookie.ts).
      if (name.replace(/^__Host-/, '') == consentCookie)
        return { category: 'essential', provider: 'consentry', purpose: "Stores the visitor's consent choice", source: 'sdk' };
      for (const service of services)
        for (const cookie of service.cookies)
          if (matchesDeclared(cookie.name, cookie.prefix, name) && (!cookie.domain || isHostWithin(host, cookie.domain)))
            return fromService(service, localize(cookie.purpose, 'en'), { name: cookie.name, prefix: !!cookie.prefix });
      // A server or script the site's config names speaks for its cookies before a name-only table guess.
      const declaredSetter = bySetter(setBy);
      if (declaredSetter?.source == 'config') return declaredSetter;
      const table = tables.cookie(name, host);
      return (
        (table && fromTable(table)) ||
        declaredSetter ||
        (registrableDomain(host) != registrableDomain(new URL(siteOrigin).hostname) &&
          byOwner(new URL(siteOrigin).protocol + '//' + host + '/', 'Kept on the domain of ')) ||
        unclassified()
      );
    },
    storage({ type, key, origin, setBy }) {
      const sdkPurpose = sdkStoragePurpose(type, key);
      if (sdkPurpose) return { category: 'essential', provider: 'consentry', purpose: sdkPurpose, source: 'sdk' };
      // Matched as the loader's storage guard matches them (`*` patterns; no type = both web stores).
      for (const service of services)
        for (const item of service.storage)
          if (matchesDeclared(item.key, item.prefix, key) && (item.type ? item.type == type : type != 'indexeddb'))
            return fromService(service, localize(item.purpose, 'en'), { name: item.key, prefix: !!item.prefix });
      let hostname = '';
      try {
        hostname = new URL(origin).hostname;
      } catch {
        /* opaque origin */
      }
      const table = tables.cookie(key, hostname);
      return (table && fromTable(table)) || bySetter(setBy) || byOwner(origin + '/', 'Kept in the storage of ') || unclassified();
    },
    request,
  };
}
