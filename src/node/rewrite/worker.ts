import { createDocumentGate } from './document-gate';
import { contextFromRequest, type DocumentContext, type RegionSource } from './document-context';
import { decodeAttribute } from './decode-attribute';
import type { RewriterOptions } from './create-rewriter';
import { createGrantsSource } from './grants-source';
import { FETCH_ATTRIBUTES } from './gated-form';
import { grantsKey } from './grants';
import { addVary, isRewritableHtml, variantEtag, varyHeaders } from './html-response';
import type { GateEdit, TagView } from './plan-gate';

/* The slice of the Workers runtime's HTMLRewriter (lol-html) used here; no Workers type package needed. */
interface LolElement {
  tagName: string;
  namespaceURI: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): unknown;
  removeAttribute(name: string): unknown;
}
interface LolText {
  text: string;
  lastInTextNode: boolean;
  remove(): unknown;
  replace(content: string, options: { html: boolean }): unknown;
}
interface LolRewriter {
  on(
    selector: string,
    handlers: { element?(el: LolElement): void | Promise<void>; text?(text: LolText): void | Promise<void> },
  ): LolRewriter;
  transform(response: Response): Response;
}
type LolRewriterClass = new () => LolRewriter;

export interface WorkerRewriterOptions extends RewriterOptions {
  /** Default: the `CF-IPCountry` header Cloudflare adds. Must match what the page's runtime is told. */
  region?: RegionSource;
  /** The HTMLRewriter class; default the runtime's global one. */
  HTMLRewriter?: LolRewriterClass;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
// `image` is how HTML spells img sometimes; the parser turns it into one.
const SELECTOR = ['base', 'image', ...Object.keys(FETCH_ATTRIBUTES)].join(', ');

function viewOf(el: LolElement): TagView {
  const name = el.tagName.toLowerCase();
  const foreign = el.namespaceURI !== HTML_NS;
  return {
    name: name === 'image' && !foreign ? 'img' : name,
    foreign,
    get: (attribute) => {
      const raw = el.getAttribute(attribute);
      return raw == null ? null : decodeAttribute(raw);
    },
  };
}

/** lol-html keeps raw values: moving the raw text keeps every character reference as written. */
function applyToElement(el: LolElement, edit: GateEdit): void {
  for (const name of edit.drops || []) el.removeAttribute(name);
  for (const [from, to] of edit.moves) {
    const raw = el.getAttribute(from);
    if (raw == null) continue;
    el.removeAttribute(from);
    el.setAttribute(to, raw);
  }
  for (const [name, value] of edit.sets) el.setAttribute(name, value);
}

/**
 * The Cloudflare Worker adapter, on the platform's native streaming HTMLRewriter: the same per-document
 * gate (same classification, same grants, same held forms) as the Node rewriter. Returns a function that
 * takes the visitor's request and the origin's response and returns the response to send.
 */
export function createWorkerRewriter(options: WorkerRewriterOptions) {
  const rewriter = createGrantsSource(options.settings, options.grantedCategories ?? 'from-cookie');
  const signals = options.settings?.signals ?? { gpc: true, dnt: false };
  const region: RegionSource = options.region ?? ((headers) => (headers as Headers).get('cf-ipcountry'));

  const transform = (Rewriter: LolRewriterClass, response: Response, context: DocumentContext): Response => {
    const gate = createDocumentGate({
      settings: options.settings,
      grants: rewriter.grantsFor(context),
      pageUrl: context.url!,
      classifier: options.classifier,
      onHeld: options.onHeld && ((tag) => options.onHeld!(tag, context)),
    });
    const holdTags = (target: LolRewriter) =>
      target.on(SELECTOR, {
        element(el) {
          // Foreign (SVG, MathML) ones too: Chromium's preload scanner requests their URLs as if they were HTML.
          const edit = gate(viewOf(el));
          if (edit) applyToElement(el, edit);
        },
      });
    // <noscript> content is text to a parser with scripting on; a visitor without JavaScript loads it as
    // markup and can never consent, so it is rewritten as a fragment too.
    let noscript = '';
    return holdTags(new Rewriter())
      .on('noscript', {
        async text(chunk) {
          noscript += chunk.text;
          if (!chunk.lastInTextNode) return void chunk.remove();
          const inner = noscript;
          noscript = '';
          const rewritten = await holdTags(new Rewriter()).transform(new Response(inner)).text();
          chunk.replace(rewritten, { html: true });
        },
      })
      .transform(response);
  };

  return function rewriteResponse(request: Request, response: Response): Response {
    const headers = response.headers;
    if ([204, 206, 304].includes(response.status) || !response.body) return response;
    // fetch() in a Worker decodes compressed bodies already; the header describes the origin's bytes.
    if (!isRewritableHtml(headers.get('content-type'), null)) return response;
    const context = contextFromRequest(request.url, request.headers, region);
    const Rewriter = options.HTMLRewriter || (globalThis as unknown as { HTMLRewriter: LolRewriterClass }).HTMLRewriter;
    const out = new Response(response.body, response);
    out.headers.delete('content-length');
    if (rewriter.variesByCookie) out.headers.set('vary', addVary(headers.get('vary'), varyHeaders(signals.gpc, signals.dnt)));
    const etag = headers.get('etag');
    if (etag) out.headers.set('etag', variantEtag(etag, grantsKey(rewriter.grantsFor(context))));
    return transform(Rewriter, out, context);
  };
}
