import { isHostWithin } from './host-within';

/**
 * Whether `host` belongs to the same site as the page on `pageHost`, for `blocking.thirdParty: "hold"`.
 * The loader carries no public-suffix list (too large), so "site" is approximated, erring strict:
 *   - the page's host and its subdomains are same-site;
 *   - so is the page host's parent domain and its subdomains, when the page host has at least three labels
 *     (www.example.com → example.com, so cdn.example.com is same-site), unless that parent looks like a
 *     country's second-level registry (two labels, the first of at most 3 letters, the last of 2: co.uk,
 *     com.au, ne.jp), which would make every site under it same-site;
 *   - an IP address is only itself.
 * Limits (docs/blocking.md): a parent such as github.io or vercel.app is a public suffix the rule cannot
 * tell from a site, so on foo.github.io a request to bar.github.io counts as same-site; a short ccTLD
 * domain (www.ibm.de) gets no parent, so cdn.ibm.de is held until declared essential.
 */
export function isSameSite(host: string, pageHost: string): boolean {
  const page = pageHost.toLowerCase().replace(/\.$/, '');
  const parent = page.slice(page.indexOf('.') + 1);
  const site = /^\[|\.\d+$/.test(page) || page.split('.').length < 3 || /^[^.]{1,3}\.[^.]{2}$/.test(parent) ? page : parent;
  return isHostWithin(host, site);
}
