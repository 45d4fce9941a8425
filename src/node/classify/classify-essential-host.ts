import { isHostWithin } from '../../core/classify/host-within';
import { ESSENTIAL_HOST_ROWS, type EssentialHostRow } from '../tables/full-essential-hosts';

// Node side only (scanner): the loader never decides that a host is essential; only the config does.

/**
 * The catalogue's essential vendor (payments, CAPTCHAs, bot protection) whose hosts cover `host`, or null.
 * A row covers itself and its subdomains; case-insensitive, a port and a trailing dot are ignored.
 */
export function classifyEssentialHost(host: string): EssentialHostRow | null {
  const name = host.replace(/:\d*$/, '');
  return ESSENTIAL_HOST_ROWS.find(([row]) => isHostWithin(name, row)) || null;
}
