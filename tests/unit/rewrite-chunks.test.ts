import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { createRewriter } from '../../src/node/rewrite/create-rewriter';

const GA = 'https://www.google-analytics.com/analytics.js';
const DC = 'https://ad.doubleclick.net/p.gif?a=1&amp;b=2';
const streamOf = <T>(chunks: T[]) =>
  new ReadableStream<T>({
    start(controller) {
      chunks.forEach((chunk) => controller.enqueue(chunk));
      controller.close();
    },
  });
const rewriter = createRewriter({ settings: validateConfig({}), grantedCategories: [] });

// Every kind of boundary: inside tag names, attribute names, quoted values, entities, raw-text end tags,
// comments, noscript, multi-byte characters and a surrogate pair.
const DOC =
  `<!doctype html><html><head><title>Ünïcödé 😀 &amp; <script src=x></title>` +
  `<script async src="${GA}"></script><script>if(a<b){document.write('<img src="${DC}">')}</script>` +
  `<link rel=stylesheet href='${GA}'><style>p{}</style></head><body><!-- <img src="${DC}"> -->` +
  `<p>€ 😀 text</p><img alt="😀 €" srcset="/a.png 1x, ${DC} 2x"><noscript><img src="${DC}"></noscript>` +
  `<video poster=${DC}></video><textarea><iframe src="${GA}"></textarea></body></html>`;
const EXPECTED = rewriter.rewrite(DOC);

describe('chunked input', () => {
  it('holds the tags of a document in one piece', () => {
    expect(EXPECTED.match(/data-consent=/g)).toHaveLength(5);
    expect(EXPECTED).toContain(`<script>if(a<b){document.write('<img src="${DC}">')}</script>`);
    expect(EXPECTED).toContain(`<textarea><iframe src="${GA}"></textarea>`);
  });

  it('gives the same output for a split at every position', () => {
    for (let at = 0; at <= DOC.length; at++) {
      const engine = rewriter.engine();
      expect(engine.write(DOC.slice(0, at)) + engine.write(DOC.slice(at)) + engine.end(), `split at ${at}`).toBe(EXPECTED);
    }
  });

  it('gives the same output one character at a time, emitting as it goes', () => {
    const engine = rewriter.engine();
    const pieces = [...DOC].map((char) => engine.write(char));
    pieces.push(engine.end());
    expect(pieces.join('')).toBe(EXPECTED);
    // Streaming, not buffering: most of the output is out before the end.
    expect(pieces.slice(0, -1).join('').length).toBeGreaterThan(EXPECTED.length * 0.9);
  });

  const bytes = new TextEncoder().encode(DOC);
  const byteChunks = (size: number) =>
    Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

  it.each([1, 2, 3, 7, 64])('through the web stream, in %i-byte chunks split inside UTF-8 sequences', async (size) => {
    const out = await new Response(new Blob(byteChunks(size) as BlobPart[]).stream().pipeThrough(rewriter.webStream())).text();
    const chunked = streamOf(byteChunks(size)).pipeThrough(rewriter.webStream());
    expect(await new Response(chunked).text()).toBe(EXPECTED);
    expect(out).toBe(EXPECTED);
  });

  it.each([1, 3, 5, 100])('through the Node stream, in %i-byte Buffers', async (size) => {
    const stream = Readable.from(byteChunks(size).map((chunk) => Buffer.from(chunk))).pipe(rewriter.nodeStream());
    const out: Buffer[] = [];
    for await (const chunk of stream) out.push(chunk as Buffer);
    expect(Buffer.concat(out).toString('utf8')).toBe(EXPECTED);
  });

  it('through the Node stream, from strings', async () => {
    const stream = Readable.from([DOC.slice(0, 101), DOC.slice(101)], { objectMode: false }).pipe(rewriter.nodeStream());
    let out = '';
    for await (const chunk of stream) out += chunk;
    expect(out).toBe(EXPECTED);
  });

  it('keeps a byte-order mark', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>x</p>')]);
    expect(new Uint8Array(await new Response(streamOf([withBom]).pipeThrough(rewriter.webStream())).arrayBuffer())).toEqual(withBom);
  });
});
