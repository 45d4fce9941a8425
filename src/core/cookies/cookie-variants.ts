// Second-level labels under which names are registered ("co.uk", "com.cn", "org.au", "ac.jp", …).
const SECOND_LEVEL = /^(com?|net|org|gov|edu|ac)\.[a-z]{2}$/;

/**
 * Every `domain` attribute a cookie readable on `host` may have been set with: "" (host-only), the host
 * itself, and each parent domain up to the registrable one. A leading dot changes nothing ("domain=.a.com"
 * and "domain=a.com" name the same cookie). IP addresses and single-label hosts only have host-only cookies.
 */
export function cookieDomainVariants(host: string): string[] {
  if (!host.includes('.') || /^[\d.]+$|:/.test(host)) return [''];
  const labels = host.split('.');
  const registrable = SECOND_LEVEL.test(labels.slice(-2).join('.')) ? 3 : 2;
  const variants = [''];
  for (let i = 0; i <= labels.length - registrable; i++) variants.push(labels.slice(i).join('.'));
  return variants;
}

/** Every `path` attribute a cookie readable on `pathname` may have been set with: "/" and each prefix, with and without a trailing "/". */
export function cookiePathVariants(pathname: string): string[] {
  const variants = new Set(['/']);
  for (let i = 1; i < pathname.length; i++) {
    if (pathname[i] == '/') variants.add(pathname.slice(0, i)).add(pathname.slice(0, i + 1));
  }
  variants.add(pathname || '/');
  return [...variants];
}
