/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above uses them
import { type ComponentChildren, Fragment, h } from 'preact';
import { type Inline, parseInline } from '../markup';

function toNodes(pieces: Inline[]): ComponentChildren[] {
  return pieces.map((piece) =>
    typeof piece === 'string' ? (
      piece
    ) : 'href' in piece ? (
      // biome-ignore lint/correctness/useJsxKeyInIterable: a text's pieces are parsed whole on each render and never reordered
      <a href={piece.href} target="_blank" rel="noopener noreferrer">
        {piece.label}
      </a>
    ) : 'bold' in piece ? (
      // biome-ignore lint/correctness/useJsxKeyInIterable: a text's pieces are parsed whole on each render and never reordered
      <strong>{toNodes(piece.bold)}</strong>
    ) : (
      // biome-ignore lint/correctness/useJsxKeyInIterable: a text's pieces are parsed whole on each render and never reordered
      <em>{toNodes(piece.italic)}</em>
    ),
  );
}

/** Config text with the small allow-list of markup, built as nodes: text is never parsed as HTML. */
export function RichText({ text }: { text: string }) {
  return <>{toNodes(parseInline(text))}</>;
}
