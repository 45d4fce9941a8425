import { REGION } from '../core/config/patterns';
import type { Settings } from '../core/config/types';
import { pickConsentRecord } from '../core/policy/consent-cookie';
import { readCookies } from './read-cookie';
import type { Signals } from '../core/policy/decide';

/**
 * Where the region comes from is the site's business (a server header rendered into the page, or a
 * global): "global:NAME", "meta:NAME", or a literal code. No geo-IP lookup ever leaves the page.
 */
export function readRegion(source: string): string | null {
  let value: unknown = source;
  const [kind, name] = source.split(':');
  if (name && kind === 'global') value = (window as any)[name];
  else if (name && kind === 'meta') value = document.querySelector(`meta[name="${CSS.escape(name)}"]`)?.getAttribute('content');
  else if (!source) value = document.querySelector('meta[name="consentry-region"]')?.getAttribute('content');
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return REGION.test(code) ? code : null;
}

export function readSignals(settings: Settings): Signals {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  const now = Date.now();
  return {
    record: pickConsentRecord(settings, now, readCookies, location.protocol == 'https:'),
    now,
    region: readRegion(settings.regions.source),
    gpc: nav.globalPrivacyControl === true,
    dnt: nav.doNotTrack === '1',
  };
}
