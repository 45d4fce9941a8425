import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { Settings } from '../../core/config/types';
import type { UrlClassifier } from './classify-url';
import { createDocumentGate, type HeldTag } from './document-gate';
import type { DocumentContext } from './document-context';
import type { Grants } from './grants';
import { createGrantsSource } from './grants-source';
import { createHtmlEngine, type HtmlEngine } from './html-engine';

export interface RewriterOptions {
  /** Validated settings (`validateConfig`), or null for built-in defaults and the host table alone. */
  settings: Settings | null;
  /**
   * `'from-cookie'` (default): each document leaves untouched what its request's consent cookie grants, as
   * the runtime will decide it; responses then vary by cookie (see docs/rewriter.md on caching).
   * A list: always exactly these (plus `essential`); `[]` is the always-rewrite mode for fully cached pages.
   */
  grantedCategories?: readonly string[] | 'from-cookie';
  /** Default `classifyUrl` (the runtime's); `classifyUrlFull` holds every known ads/tracking host. */
  classifier?: UrlClassifier;
  /** Called for every tag held, with the document it was in. */
  onHeld?: (tag: HeldTag, context: DocumentContext) => void;
}

export interface Rewriter {
  /** Whether output depends on the request's cookie (then shared caches must vary on it). */
  readonly variesByCookie: boolean;
  grantsFor(context?: DocumentContext): Grants;
  /** A whole document at once. */
  rewrite(html: string, context?: DocumentContext): string;
  /** The synchronous chunk engine the streams are built on. */
  engine(context?: DocumentContext): HtmlEngine;
  /** Node Transform: Buffers or strings in (UTF-8), Buffers out. */
  nodeStream(context?: DocumentContext): Transform;
  /** WHATWG TransformStream: bytes or strings in (UTF-8), bytes out. */
  webStream(context?: DocumentContext): TransformStream<Uint8Array | string, Uint8Array>;
}

/** Used when the page URL is unknown (static files): relative URLs are the site's own, absolute ones are classified. */
export const UNKNOWN_PAGE_URL = 'https://site.invalid/';

/**
 * The HTML rewriter: every tag whose URL belongs to a category the visitor has not granted, and every
 * tag the owner marked for one but left loadable, comes out in its held form (what the runtime gate
 * activates on consent); everything else comes out byte for byte as it went in. Unmarked inline scripts
 * are never touched (the runtime auto-blocker holds what they inject). Create one per site; each call
 * makes a fresh per-document engine.
 */
export function createRewriter(options: RewriterOptions): Rewriter {
  const { grantedCategories = 'from-cookie', classifier, onHeld } = options;
  const settings = options.settings;
  const { variesByCookie, grantsFor } = createGrantsSource(settings, grantedCategories);

  const engine = (context: DocumentContext = {}): HtmlEngine =>
    createHtmlEngine(
      createDocumentGate({
        settings,
        grants: grantsFor(context),
        pageUrl: context.url || UNKNOWN_PAGE_URL,
        classifier,
        onHeld: onHeld && ((tag) => onHeld(tag, context)),
      }),
    );

  return {
    variesByCookie,
    grantsFor,
    engine,
    rewrite(html, context) {
      const document = engine(context);
      return document.write(html) + document.end();
    },
    nodeStream(context) {
      const document = engine(context);
      const decoder = new StringDecoder('utf8');
      const emit = (stream: Transform, text: string) => text && stream.push(Buffer.from(text, 'utf8'));
      return new Transform({
        transform(chunk: Buffer | string, _encoding, callback) {
          try {
            emit(this, document.write(typeof chunk === 'string' ? chunk : decoder.write(chunk)));
            callback();
          } catch (error) {
            callback(error as Error);
          }
        },
        flush(callback) {
          try {
            emit(this, document.write(decoder.end()) + document.end());
            callback();
          } catch (error) {
            callback(error as Error);
          }
        },
      });
    },
    webStream(context) {
      const document = engine(context);
      const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
      const encoder = new TextEncoder();
      const emit = (controller: TransformStreamDefaultController<Uint8Array>, text: string) => {
        if (text) controller.enqueue(encoder.encode(text));
      };
      return new TransformStream<Uint8Array | string, Uint8Array>({
        transform(chunk, controller) {
          emit(controller, document.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })));
        },
        flush(controller) {
          emit(controller, document.write(decoder.decode()) + document.end());
        },
      });
    },
  };
}
