import type { TrackerCategory } from '../../core/classify/host-category';
import { FULL_HOST_ROWS, type FullHostRow } from '../tables/full-hosts';

// Node side only (scanner, HTML rewriter, docs): the full table is ~80 KB; loader code uses hostCategory.

export interface FullHostMatch {
  /** The rule that matched: a domain (it and its subdomains), an exact host, or a pattern. */
  rule: string;
  kind: FullHostRow[1];
  category: TrackerCategory;
  provider: string;
  description: string;
  /** Where the rule comes from: "catalogue:<vendor id>", "v2fly:<list>" (space-separated when several), "hand". */
  source: string;
  /** How the category was chosen: catalogue (the vendor catalogue covers the host), curated, override, list, keyword, or default (@ads → advertising). */
  basis: FullHostRow[5];
  /** The vendor catalogue's id for the vendor (data/vendors), '' when the catalogue does not cover the host. */
  vendorId: string;
}

interface HostIndex {
  _exact: Map<string, FullHostRow>;
  _domains: Map<string, FullHostRow>;
  _patterns: Array<[RegExp, FullHostRow]>;
}

let _index: HostIndex | undefined;

function hostIndex(): HostIndex {
  if (!_index) {
    const index: HostIndex = { _exact: new Map(), _domains: new Map(), _patterns: [] };
    for (const row of FULL_HOST_ROWS) {
      if (row[1] == 'regexp') index._patterns.push([new RegExp(row[0]), row]);
      else (row[1] == 'full' ? index._exact : index._domains).set(row[0], row);
    }
    _index = index;
  }
  return _index;
}

function toMatch(row: FullHostRow): FullHostMatch {
  const [rule, kind, category, provider, source, basis, vendorId] = row;
  const lists = source
    .split(' ')
    .filter((origin) => origin.startsWith('v2fly:'))
    .map((origin) => origin.slice(6));
  const description =
    basis == 'catalogue'
      ? `${provider}: ${category == 'analytics' ? 'analytics / measurement' : 'advertising / conversion tracking'} (consentry vendor catalogue).`
      : basis == 'curated'
        ? `${provider}: ${category == 'analytics' ? 'analytics / measurement' : 'advertising / conversion tracking'}.`
        : `Ads/tracking ${kind == 'domain' ? 'domain' : 'host'} listed by v2fly/domain-list-community (${lists.join(', ')}).`;
  return { rule, kind, category, provider, description, source, basis, vendorId };
}

/**
 * Classifies a host against every v2fly ads/tracking rule (HTTPDNS resolvers excluded) and the
 * curated loader hosts. The most specific rule wins: an exact host, then the longest matching
 * domain, then patterns. Case-insensitive; a port and a trailing dot are ignored.
 */
export function classifyHostFull(host: string): FullHostMatch | null {
  const index = hostIndex();
  const normal = host.trim().toLowerCase().replace(/:\d*$/, '').replace(/\.$/, '');
  if (!normal) return null;
  const exact = index._exact.get(normal);
  if (exact) return toMatch(exact);
  for (let candidate = normal; ; ) {
    const row = index._domains.get(candidate);
    if (row) return toMatch(row);
    const dot = candidate.indexOf('.');
    if (dot < 0) break;
    candidate = candidate.slice(dot + 1);
  }
  for (const [pattern, row] of index._patterns) if (pattern.test(normal)) return toMatch(row);
  return null;
}
