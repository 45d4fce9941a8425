import { pipeline, Readable } from 'node:stream';
import { createRewriter } from './create-rewriter';
import { contextFromRequest, type HeaderSource } from './document-context';
import { grantsKey } from './grants';
import { addVary, isRewritableHtml, variantEtag, varyHeaders } from './html-response';
import type { MiddlewareOptions } from './node-middleware';

/** The parts of Fastify's request and reply an `onSend` hook uses (Fastify 4 and 5). */
export interface FastifyRequestLike {
  method: string;
  url: string;
  headers: HeaderSource;
  protocol?: string;
  hostname?: string;
  host?: string;
}

export interface FastifyReplyLike {
  statusCode: number;
  getHeader(name: string): unknown;
  header(name: string, value: unknown): unknown;
  removeHeader(name: string): unknown;
}

export type FastifyOnSend = (request: FastifyRequestLike, reply: FastifyReplyLike, payload: unknown) => Promise<unknown>;

/**
 * A Fastify `onSend` hook (documented signature `async (request, reply, payload) => payload`): string,
 * Buffer and stream payloads of uncompressed UTF-8 HTML responses come back rewritten (streams stay
 * streams). Register it before compression (`@fastify/compress` also works in onSend: add this hook first).
 */
export function createFastifyOnSend(options: MiddlewareOptions): FastifyOnSend {
  const rewriter = createRewriter(options);
  const signals = options.settings?.signals ?? { gpc: true, dnt: false };

  return async function consentryOnSend(request, reply, payload) {
    if (payload == null || [204, 206, 304].includes(reply.statusCode)) return payload;
    if (!isRewritableHtml(reply.getHeader('content-type'), reply.getHeader('content-encoding'))) return payload;
    const host = request.host || request.hostname || 'localhost';
    const context = contextFromRequest(`${request.protocol || 'http'}://${host}${request.url}`, request.headers, options.region);
    reply.removeHeader('content-length');
    if (rewriter.variesByCookie) reply.header('vary', addVary(reply.getHeader('vary'), varyHeaders(signals.gpc, signals.dnt)));
    const etag = reply.getHeader('etag');
    if (typeof etag === 'string') reply.header('etag', variantEtag(etag, grantsKey(rewriter.grantsFor(context))));
    if (request.method === 'HEAD') return payload;
    if (typeof payload === 'string') return rewriter.rewrite(payload, context);
    if (Buffer.isBuffer(payload)) return rewriter.rewrite(payload.toString('utf8'), context);
    if (payload instanceof Readable || typeof (payload as Readable).pipe === 'function') {
      return pipeline(payload as Readable, rewriter.nodeStream(context), () => undefined);
    }
    return payload;
  };
}

/**
 * The hook as a Fastify plugin for the whole app: `fastify.register(fastifyRewrite, { settings })`.
 * Marked `skip-override` (what fastify-plugin does) so the hook is not confined to an encapsulated context.
 */
export function fastifyRewrite(
  fastify: { addHook(name: 'onSend', hook: FastifyOnSend): unknown },
  options: MiddlewareOptions,
  done: (error?: Error) => void,
): void {
  fastify.addHook('onSend', createFastifyOnSend(options));
  done();
}
(fastifyRewrite as unknown as { [key: symbol]: boolean })[Symbol.for('skip-override')] = true;
