import type { Setter } from '../types';

/**
 * Public suffixes of two labels that are common enough to matter for the sites we scan. Without the
 * full Public Suffix List, `a.example.co.uk` and `b.example.co.uk` still count as one site.
 */
const TWO_LABEL_SUFFIXES = new Set(
  (
    'co.uk org.uk ac.uk gov.uk me.uk com.cn net.cn org.cn gov.cn edu.cn ac.cn com.hk org.hk net.hk com.tw org.tw ' +
    'com.au net.au org.au edu.au co.jp ne.jp or.jp ac.jp co.kr or.kr com.sg com.my co.nz co.in com.br com.mx co.za ' +
    'com.tr com.ar com.vn co.id co.th github.io gitlab.io pages.dev netlify.app vercel.app herokuapp.com azurewebsites.net ' +
    'cloudfront.net appspot.com web.app firebaseapp.com workers.dev'
  ).split(' '),
);

const IP = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\])$/i;

/** Registrable domain (eTLD+1) of a host name; an IP address or single-label host is its own site. */
export function registrableDomain(hostname: string): string {
  const host = hostname.toLowerCase().replace(/^\./, '').replace(/\.$/, '');
  if (IP.test(host) || !host.includes('.')) return host;
  const labels = host.split('.');
  const keep = TWO_LABEL_SUFFIXES.has(labels.slice(-2).join('.')) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/**
 * Whether a URL belongs to another party than the site. Subdomains of the site's registrable domain
 * are the site's own. On an IP address or `localhost`, where development and test setups give each
 * party its own port, another port is another party.
 */
export function isThirdPartyUrl(url: string, siteOrigin: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const site = new URL(siteOrigin);
  if (target.origin == site.origin) return false;
  if (IP.test(site.hostname) || !site.hostname.includes('.')) return true;
  return registrableDomain(target.hostname) != registrableDomain(site.hostname);
}

/**
 * First- or third-party cookie: a cookie on another registrable domain is third-party; so is one a
 * third party's server set on a shared IP host (which cookies cannot tell apart by port).
 * A cookie a script writes on the site's own domain is first-party, whoever wrote the script (`_ga`).
 */
export function cookieParty(domain: string, setBy: Setter, siteOrigin: string): 'first' | 'third' {
  const site = new URL(siteOrigin).hostname;
  if (registrableDomain(domain) != registrableDomain(site)) return 'third';
  if (setBy.kind == 'header' && isThirdPartyUrl(setBy.url, siteOrigin)) return 'third';
  return 'first';
}
