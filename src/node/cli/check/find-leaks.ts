import type { Classifier } from '../classify/classifier';
import { isThirdPartyUrl } from '../classify/party';
import { describeSetter } from '../report/sections';
import { UNCLASSIFIED, type Classification, type PageVisit, type Phase } from '../types';

export interface Leak {
  /** The page the visitor was on when it showed up. */
  page: string;
  phase: Phase;
  kind: 'cookie' | 'storage' | 'request';
  /** Cookie name, storage key or request URL. */
  name: string;
  /** Cookie domain, storage origin, or request host. */
  where: string;
  category: string;
  provider: string;
  /** Who caused it: the setter of a cookie or key, the initiator chain of a request. */
  from: string;
  /** A cookie or key that was already there before any choice and was still there after "reject all". */
  keptAfterReject?: boolean;
}

export interface FindLeaksOptions {
  siteOrigin: string;
  /** Count only findings known to be non-essential; by default an unclassified one fails too. */
  allowUnclassified?: boolean;
}

/**
 * What a visitor who has not chosen, or has rejected all, must never get: any cookie, storage key
 * or third-party request that is not essential. Unclassified ones count as leaks (never silently
 * essential) unless the caller allows them.
 */
export function findLeaks(visit: PageVisit, classifier: Classifier, { siteOrigin, allowUnclassified = false }: FindLeaksOptions): Leak[] {
  const leaks: Leak[] = [];
  const leaking = (classification: Classification) =>
    classification.category != 'essential' && !(allowUnclassified && classification.category == UNCLASSIFIED);
  const earlier = new Map<string, Leak>();
  /** A cookie or key already reported on this visit is not repeated: the first report says it stayed. */
  const push = (leak: Leak) => {
    if (leak.kind == 'request') return void leaks.push(leak);
    const key = [leak.kind, leak.name, leak.where].join('\n');
    const first = earlier.get(key);
    if (!first) return void (earlier.set(key, leak), leaks.push(leak));
    if (first.phase == 'before-consent' && leak.phase != 'before-consent') first.keptAfterReject = true;
  };
  for (const snapshot of visit.snapshots) {
    const base = { page: snapshot.url, phase: snapshot.phase };
    for (const cookie of snapshot.cookies) {
      const domain = cookie.domain.replace(/^\./, '');
      const classification = classifier.cookie({ name: cookie.name, domain, setBy: cookie.setBy });
      if (leaking(classification))
        push({
          ...base,
          kind: 'cookie',
          name: cookie.name,
          where: domain,
          category: classification.category,
          provider: classification.provider,
          from: describeSetter(cookie.setBy, siteOrigin),
        });
    }
    for (const item of snapshot.storage) {
      const classification = classifier.storage(item);
      if (leaking(classification))
        push({
          ...base,
          kind: 'storage',
          name: item.key,
          where: { local: 'localStorage', session: 'sessionStorage', indexeddb: 'IndexedDB' }[item.type] + ' of ' + item.origin,
          category: classification.category,
          provider: classification.provider,
          from: describeSetter(item.setBy, siteOrigin),
        });
    }
    for (const request of snapshot.requests) {
      const classification = classifier.request(request.url);
      const thirdParty = isThirdPartyUrl(request.url, siteOrigin);
      if (classification.category == UNCLASSIFIED ? thirdParty && leaking(classification) : leaking(classification))
        leaks.push({
          ...base,
          kind: 'request',
          name: request.url,
          where: request.host,
          category: classification.category,
          provider: classification.provider,
          from: [request.resourceType, ...(request.initiators.length ? ['initiated by ' + request.initiators.join(' ← ')] : [])].join(', '),
        });
    }
  }
  return leaks;
}
