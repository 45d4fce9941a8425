/**
 * The browser family and major version ("Chrome 131", "Firefox 133"): all a consent receipt needs to show
 * which interface the visitor used. The full user agent (OS build, device model, minor versions) would add
 * to a fingerprint for no purpose. Order matters: Edge, Opera and Samsung Internet also say "Chrome", and
 * Chrome says "Safari".
 */
const FAMILIES: Array<[name: string, token: RegExp]> = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /\b(?:OPR|OPT)\/(\d+)/],
  ['Samsung Internet', /\bSamsungBrowser\/(\d+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /\b(?:HeadlessChrome|Chrome|CriOS)\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//],
];

export function browserFamily(userAgent: string): string {
  for (const [name, token] of FAMILIES) {
    const match = token.exec(userAgent);
    if (match) return `${name} ${match[1]}`;
  }
  return 'Other';
}
