import { classifyCookieFull } from '../../classify/classify-cookie-full';
import { classifyHostFull } from '../../classify/classify-host-full';
import { classifyEssentialHost } from '../../classify/classify-essential-host';

/** What the SDK's built-in tables know about one cookie, storage key or host. */
export interface TableHit {
  category: string;
  provider: string;
  purpose: string;
  /** Retention the table states ("2 years"); '' when unknown. */
  retention: string;
  /** The vendor's privacy or rights page, when known. */
  privacyUrl?: string;
  pattern?: { name: string; prefix: boolean };
  /** The vendor catalogue's id (data/vendors), when the catalogue knows the vendor. */
  vendor?: string;
}

export interface Tables {
  cookie(name: string, domain: string): TableHit | null;
  host(host: string): TableHit | null;
}

/** The SDK's full-tier tables (vendor catalogue first, then Open Cookie Database + v2fly + hand additions), Node side only. */
export const builtInTables: Tables = {
  cookie(name, domain) {
    const match = classifyCookieFull({ name, domain });
    return match
      ? {
          category: match.category,
          provider: match.provider,
          purpose: match.description,
          retention: match.retention,
          privacyUrl: match.privacyUrl,
          ...(match.vendorId ? { vendor: match.vendorId } : {}),
          // A config declares exact names and prefixes only: a catalogue pattern (`ph_*_posthog`) is not
          // one, so a drafted config names the cookie seen.
          ...(match.wildcard ? {} : { pattern: { name: match.name, prefix: match.prefix } }),
        }
      : null;
  },
  host(host) {
    // The catalogue's essential vendors first: a scan drafts them as essential services, the allowlist
    // that blocking.thirdParty "hold" needs (the tracker tables drop their rules under these hosts anyway).
    const essential = classifyEssentialHost(host);
    if (essential)
      return {
        category: 'essential',
        provider: essential[1],
        purpose: `${essential[1]}: strictly necessary for the site to work (consentry vendor catalogue: essential).`,
        retention: '',
        vendor: essential[2],
      };
    const match = classifyHostFull(host);
    return match
      ? {
          category: match.category,
          provider: match.provider,
          purpose: match.description,
          retention: '',
          ...(match.vendorId ? { vendor: match.vendorId } : {}),
        }
      : null;
  },
};
