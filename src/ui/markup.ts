import { isSafeUrl } from './safe-url';

/** A piece of config text: plain text, a safe link, or bold/italic around more pieces. Never HTML. */
export type Inline = string | { href: string; label: string } | { bold: Inline[] } | { italic: Inline[] };

// The whole allow-list: [label](url), **bold**, *italic*. Everything else stays literal text.
const MARKUP = /\[([^\]\n]+)\]\(([^)\s]+)\)|\*\*(.+?)\*\*|\*([^*\n]+)\*/g;

/** Splits config text into pieces; a link whose URL is not safe keeps only its label, as text. */
export function parseInline(text: string): Inline[] {
  const pieces: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKUP)) {
    if (match.index > last) pieces.push(text.slice(last, match.index));
    const [, label, href, bold, italic] = match;
    if (label) pieces.push(isSafeUrl(href) ? { href, label } : label);
    else if (bold) pieces.push({ bold: parseInline(bold) });
    else pieces.push({ italic: parseInline(italic) });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push(text.slice(last));
  return pieces;
}

/** The text a screen reader hears: markup removed, link labels kept. */
export function plainText(pieces: Inline[]): string {
  return pieces
    .map((piece) =>
      typeof piece === 'string' ? piece : 'label' in piece ? piece.label : plainText('bold' in piece ? piece.bold : piece.italic),
    )
    .join('');
}
