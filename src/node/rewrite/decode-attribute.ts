const NAMED: { [name: string]: string } = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
  colon: ':',
  sol: '/',
  period: '.',
  comma: ',',
  num: '#',
  quest: '?',
  equals: '=',
  Tab: '\t',
  NewLine: '\n',
};

/**
 * Character references in a raw attribute value (lol-html hands values over undecoded), enough to read
 * a URL's scheme, host and srcset commas the way the browser will: numeric references and the named ones
 * that can appear in URLs. Used for classification only; values are moved byte for byte.
 */
export function decodeAttribute(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z]+));?/g, (match, dec, hex, name) => {
    if (name) return NAMED[name] ?? match;
    const code = dec ? parseInt(dec, 10) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}
