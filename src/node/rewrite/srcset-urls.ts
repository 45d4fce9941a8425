const WHITESPACE = /[\t\n\f\r ]/;

/**
 * The candidate URLs of a `srcset` value, per the HTML "parse a srcset attribute" steps: a URL runs to
 * the next whitespace (trailing commas end it), descriptors run to the next comma outside parentheses.
 * URLs may themselves contain commas (`w_100,h_80` image CDNs), so splitting on "," would be wrong.
 */
export function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && (WHITESPACE.test(value[i]) || value[i] === ',')) i++;
    if (i >= value.length) break;
    let end = i;
    while (end < value.length && !WHITESPACE.test(value[end])) end++;
    let url = value.slice(i, end);
    i = end;
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      for (; i < value.length; i++) {
        const c = value[i];
        if (c === '(') depth++;
        else if (c === ')' && depth > 0) depth--;
        else if (c === ',' && depth === 0) break;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}
