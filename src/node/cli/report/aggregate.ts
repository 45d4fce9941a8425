import type { Classifier } from '../classify/classifier';
import { cookieParty, isThirdPartyUrl } from '../classify/party';
import { UNCLASSIFIED, type Classification, type PageVisit, type Phase, type Setter } from '../types';
import { describeDuration } from './duration';
import type { CookieFinding, RequestFinding, StorageFinding } from './scan-report';

const MAX_URLS = 50;
const MAX_CHAINS = 10;
const MAX_SETTERS = 5;
const PENDING: Classification = { category: UNCLASSIFIED, provider: '', purpose: '', source: 'none' };

const addOnce = <T>(list: T[], item: T, key: (value: T) => string = (value) => JSON.stringify(value)) => {
  const wanted = key(item);
  if (!list.some((existing) => key(existing) == wanted)) list.push(item);
};

/** Known setters only; `unknown` stays when nothing better was ever seen. */
function addSetter(list: Setter[], setter: Setter) {
  if ((setter.kind == 'unknown' && list.length) || list.length >= MAX_SETTERS) return;
  const known = list.filter((existing) => existing.kind != 'unknown');
  if (setter.kind != 'unknown' && known.length < list.length) list.splice(0, list.length, ...known);
  addOnce(list, setter);
}

export interface Findings {
  cookies: CookieFinding[];
  storage: StorageFinding[];
  requests: RequestFinding[];
}

/**
 * Merges every page's snapshots into one list per kind: a cookie is one cookie per name, domain and
 * path, however many pages set it, with the pages and phases it was seen in and everyone who set it.
 */
export function aggregate(visits: PageVisit[], classifier: Classifier, siteOrigin: string, now = Date.now()): Findings {
  const cookies = new Map<string, CookieFinding>();
  const storage = new Map<string, StorageFinding>();
  const requests = new Map<string, RequestFinding>();
  const seenOn = (finding: { pages: string[]; phases: Phase[]; pagesBeforeConsent: string[] }, page: string, phase: Phase) => {
    addOnce(finding.pages, page, String);
    addOnce(finding.phases, phase, String);
    if (phase == 'before-consent') addOnce(finding.pagesBeforeConsent, page, String);
  };

  for (const visit of visits)
    for (const snapshot of visit.snapshots) {
      for (const cookie of snapshot.cookies) {
        const domain = cookie.domain.replace(/^\./, '');
        const key = [cookie.name, domain, cookie.path].join('\n');
        let finding = cookies.get(key);
        if (!finding) {
          finding = {
            name: cookie.name,
            domain,
            path: cookie.path,
            expires: cookie.expires,
            duration: '',
            httpOnly: cookie.httpOnly,
            secure: cookie.secure,
            sameSite: cookie.sameSite,
            party: 'first',
            setBy: [],
            pages: [],
            phases: [],
            pagesBeforeConsent: [],
            classification: PENDING,
          };
          cookies.set(key, finding);
        } else if (cookie.expires != null && (finding.expires == null || cookie.expires > finding.expires))
          finding.expires = cookie.expires;
        addSetter(finding.setBy, cookie.setBy);
        seenOn(finding, visit.url, snapshot.phase);
      }
      for (const item of snapshot.storage) {
        const key = [item.type, item.origin, item.key].join('\n');
        let finding = storage.get(key);
        if (!finding) {
          finding = {
            type: item.type,
            key: item.key,
            origin: item.origin,
            party: isThirdPartyUrl(item.origin + '/', siteOrigin) ? 'third' : 'first',
            setBy: [],
            pages: [],
            phases: [],
            pagesBeforeConsent: [],
            classification: PENDING,
          };
          storage.set(key, finding);
        }
        addSetter(finding.setBy, item.setBy);
        seenOn(finding, visit.url, snapshot.phase);
      }
      for (const request of snapshot.requests) {
        const origin = new URL(request.url).origin;
        // One origin can serve several services (URL-prefix rules): one finding per origin and service.
        const classification = classifier.request(request.url);
        const key = [origin, classification.category, classification.service || classification.provider].join('\n');
        let finding = requests.get(key);
        if (!finding) {
          finding = {
            host: request.host,
            origin,
            party: isThirdPartyUrl(request.url, siteOrigin) ? 'third' : 'first',
            resourceTypes: [],
            count: 0,
            urls: [],
            initiators: [],
            pages: [],
            phases: [],
            pagesBeforeConsent: [],
            classification,
          };
          requests.set(key, finding);
        }
        finding.count++;
        addOnce(finding.resourceTypes, request.resourceType, String);
        if (finding.urls.length < MAX_URLS) addOnce(finding.urls, request.url, String);
        if (finding.initiators.length < MAX_CHAINS && request.initiators.length) addOnce(finding.initiators, request.initiators);
        seenOn(finding, visit.url, snapshot.phase);
      }
    }

  // Sorted only once every setter is known: who set a cookie can decide what it is.
  const setter = (list: Setter[]): Setter => list[0] || { kind: 'unknown' };
  for (const finding of storage.values()) finding.classification = classifier.storage({ ...finding, setBy: setter(finding.setBy) });
  for (const finding of cookies.values()) {
    finding.classification = classifier.cookie({ name: finding.name, domain: finding.domain, setBy: setter(finding.setBy) });
    finding.duration = describeDuration(finding.expires, now);
    finding.party = finding.setBy.some((setter) => cookieParty(finding.domain, setter, siteOrigin) == 'third')
      ? 'third'
      : cookieParty(finding.domain, { kind: 'unknown' }, siteOrigin);
  }
  const byName =
    <T extends { classification: { category: string } }>(name: (item: T) => string) =>
    (a: T, b: T) =>
      a.classification.category.localeCompare(b.classification.category) || name(a).localeCompare(name(b));
  return {
    cookies: [...cookies.values()].sort(byName((cookie) => cookie.name + ' ' + cookie.domain)),
    storage: [...storage.values()].sort(byName((item) => item.type + ' ' + item.key)),
    requests: [...requests.values()].sort(byName((request) => request.host)),
  };
}
