/**
 * Whether `host` is `domain` or one of its subdomains, on label boundaries and case-insensitively.
 * `domain` may be written "*.example.com" or ".example.com"; a trailing dot on either is ignored.
 */
export function isHostWithin(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const d = domain
    .toLowerCase()
    .replace(/^\*?\./, '')
    .replace(/\.$/, '');
  return !!d && (h === d || h.endsWith('.' + d));
}
