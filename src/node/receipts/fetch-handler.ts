import { BodyTooLargeError, type ServiceRequest } from './http-types';
import type { ReceiptsService } from './receipts-service';

export interface FetchHandlerOptions {
  /**
   * The client address for rate limiting. Default: the `cf-connecting-ip` header, which Cloudflare sets and a
   * client cannot; elsewhere pass what your platform provides (Deno: `info.remoteAddr.hostname`).
   */
  clientAddress?: (request: Request) => string | null | undefined;
}

async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) body.set(chunk, (offset += chunk.byteLength) - chunk.byteLength);
  return body;
}

/**
 * A fetch-style handler (Request in, Response out) for Workers, Deno, Bun and other runtimes. It takes any
 * store: PGlite needs a disk, so on Workers use PostgreSQL (or an in-memory PGlite for tests).
 * Resolves null for a path the service does not own, so it composes with a router.
 */
export function receiptsFetchHandler(service: ReceiptsService, options: FetchHandlerOptions = {}) {
  return async function handle(request: Request): Promise<Response | null> {
    const url = new URL(request.url);
    const serviceRequest: ServiceRequest = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      header: (name) => request.headers.get(name) ?? undefined,
      clientAddress: (options.clientAddress ? options.clientAddress(request) : request.headers.get('cf-connecting-ip')) || null,
      body: (limit) => readBody(request, limit),
    };
    const response = await service.handle(serviceRequest);
    if (!response) return null;
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    }
    if (typeof response.body === 'string' || request.method === 'HEAD') {
      return new Response(request.method === 'HEAD' || response.status === 303 ? null : (response.body as string), {
        status: response.status,
        headers,
      });
    }
    const chunks = response.body[Symbol.asyncIterator]();
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      },
    });
    return new Response(stream, { status: response.status, headers });
  };
}
