import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { StringDecoder } from 'node:string_decoder';
import { createRewriter, type RewriterOptions } from './create-rewriter';
import { contextFromRequest, type RegionSource } from './document-context';
import { grantsKey } from './grants';
import type { HtmlEngine } from './html-engine';
import { addVary, isRewritableHtml, variantEtag, varyHeaders } from './html-response';

export interface MiddlewareOptions extends RewriterOptions {
  /** Where the visitor's region comes from, e.g. `(headers) => headers['cf-ipcountry']`, or a fixed code. */
  region?: RegionSource;
}

type Next = (error?: unknown) => void;
type Callback = (error?: Error | null) => void;

const isUtf8 = (encoding: unknown) => !encoding || /^utf-?8$/i.test(String(encoding));

function pageUrlOf(req: IncomingMessage): string {
  const forwarded = String(req.headers['x-forwarded-proto'] || '')
    .split(',')[0]
    .trim();
  const protocol = forwarded === 'https' || (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  const path = (req as { originalUrl?: string }).originalUrl || req.url || '/';
  try {
    return new URL(path, `${protocol}://${req.headers.host || 'localhost'}`).href;
  } catch {
    return `${protocol}://localhost/`;
  }
}

/**
 * Connect/Express middleware: HTML responses (uncompressed UTF-8 `text/html`, status other than
 * 204/206/304) are rewritten as they are written, chunk by chunk, so the first bytes go out as soon as
 * the app writes them. `Content-Length` is dropped (the length changes), `Vary` gains `Cookie` when grants
 * come from the cookie, and an ETag becomes a weak per-grants variant (so a 304 never serves another
 * visitor's variant). Mount it before any compression middleware.
 */
export function rewriteMiddleware(options: MiddlewareOptions) {
  const rewriter = createRewriter(options);
  const signals = options.settings?.signals ?? { gpc: true, dnt: false };

  return function consentryRewrite(req: IncomingMessage, res: ServerResponse, next: Next): void {
    const context = contextFromRequest(pageUrlOf(req), req.headers, options.region);
    const original = { write: res.write, end: res.end, writeHead: res.writeHead, setHeader: res.setHeader };
    let decided = false;
    let engine: HtmlEngine | null = null;
    let decoder: StringDecoder | null = null;
    let etagVariant: string | undefined;
    let etagVaried = false;
    const variant = () => (etagVariant ||= grantsKey(rewriter.grantsFor(context)));
    const html = () => isRewritableHtml(res.getHeader('content-type'), res.getHeader('content-encoding'));

    // Before the headers go out: decide once whether this body is rewritten, and say so in the headers.
    const decide = () => {
      if (decided) return;
      decided = true;
      if (res.headersSent || !html() || [204, 206, 304].includes(res.statusCode)) return;
      res.removeHeader('content-length');
      if (rewriter.variesByCookie) res.setHeader('vary', addVary(res.getHeader('vary'), varyHeaders(signals.gpc, signals.dnt)));
      const etag = res.getHeader('etag');
      if (typeof etag === 'string' && !etagVaried) original.setHeader.call(res, 'etag', variantEtag(etag, variant()));
      if (req.method === 'HEAD') return;
      engine = rewriter.engine(context);
      decoder = new StringDecoder('utf8');
    };

    const text = (chunk: unknown, encoding: unknown): string => {
      if (chunk == null) return '';
      if (typeof chunk === 'string' && isUtf8(encoding)) return chunk;
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding as BufferEncoding) : (chunk as Uint8Array);
      return decoder!.write(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    };

    // An ETag set while the body is known to be HTML is made a variant before freshness checks (Express's
    // res.send, serve-static) compare it with If-None-Match.
    res.setHeader = function (this: ServerResponse, name: string, value: number | string | readonly string[]) {
      if (!decided && name.toLowerCase() === 'etag' && typeof value === 'string') {
        etagVaried = html();
        if (etagVaried) value = variantEtag(value, variant());
      }
      return original.setHeader.call(this, name, value);
    } as typeof res.setHeader;

    res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
      const reason = typeof rest[0] === 'string' ? (rest.shift() as string) : undefined;
      const headers = rest[0] as OutgoingHttpHeaders | Array<string | string[]> | undefined;
      // Headers given here bypass getHeader; set them so the decision (and the app's later reads) see them.
      if (Array.isArray(headers)) {
        const flat = headers.flat();
        for (let i = 0; i + 1 < flat.length; i += 2) res.setHeader(String(flat[i]), flat[i + 1]);
      } else if (headers) {
        for (const name of Object.keys(headers)) if (headers[name] !== undefined) res.setHeader(name, headers[name]!);
      }
      res.statusCode = status;
      decide();
      return reason === undefined
        ? original.writeHead.call(this, status)
        : (original.writeHead as (status: number, reason: string) => ServerResponse).call(this, status, reason);
    } as typeof res.writeHead;

    res.write = function (this: ServerResponse, chunk: unknown, encoding?: unknown, callback?: unknown) {
      decide();
      if (!engine) return original.write.apply(this, arguments as any);
      if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
      return original.write.call(this, engine.write(text(chunk, encoding)), 'utf8', callback as Callback);
    } as typeof res.write;

    res.end = function (this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) {
      decide();
      if (!engine) return original.end.apply(this, arguments as any);
      if (typeof chunk === 'function') [callback, chunk] = [chunk, undefined];
      if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
      const done = engine;
      engine = null;
      return original.end.call(this, done.write(text(chunk, encoding) + decoder!.end()) + done.end(), 'utf8', callback as Callback);
    } as typeof res.end;

    next();
  };
}
