import { MAX_TEXT } from '../../core/config/limits';

const ENTITIES: { [name: string]: string } = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] != '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] == 'x' || name[1] == 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });

/**
 * consentry's texts are plain text, never HTML: an old text's markup is dropped and its entities decoded.
 * Links that only drive the old tool's UI (`data-cc="show-preferencesModal"`, klaro's `data-klaro-trigger`)
 * go with their words, since consentry has its own "Customize" button.
 */
export function htmlToText(html: string): { text: string; hadMarkup: boolean } {
  const withoutActions = html.replace(/<(a|button)\b[^>]*\bdata-(cc|klaro-trigger)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
  const hadMarkup = /<[a-z/!][^>]*>/i.test(withoutActions) || withoutActions != html;
  const text = decode(
    withoutActions
      .replace(/<(br|\/p|\/div|\/li|\/h\d)\b[^>]*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[a-z/!][^>]*>/gi, ''),
  )
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TEXT);
  return { text, hadMarkup };
}

export interface Link {
  href: string;
  text: string;
}

/** The `<a href>` links of an old HTML text, with their words as plain text. */
export function linksIn(html: string): Link[] {
  const links: Link[] = [];
  for (const match of html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi)) {
    const href = /\bhref\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(match[1]);
    const url = href && decode(href[2] ?? href[3] ?? href[4] ?? '').trim();
    if (url) links.push({ href: url, text: htmlToText(match[2]).text });
  }
  return links;
}
