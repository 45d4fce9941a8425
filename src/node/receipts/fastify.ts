import type { IncomingMessage } from 'node:http';
import { sendServiceResponse, serviceRequestOf, type NodeAdapterOptions } from './node-adapter';
import type { ReceiptsService } from './receipts-service';

/** The parts of Fastify (4 and 5) the plugin uses. */
export interface FastifyInstanceLike {
  addContentTypeParser(
    type: string | RegExp | string[],
    options: { parseAs?: never } | ((...args: never[]) => void),
    parser?: unknown,
  ): unknown;
  removeAllContentTypeParsers?(): unknown;
  route(options: {
    method: string | string[];
    url: string;
    handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<unknown>;
  }): unknown;
}
interface FastifyRequestLike {
  raw: IncomingMessage;
  body?: unknown;
}
interface FastifyReplyLike {
  raw: import('node:http').ServerResponse;
  hijack(): unknown;
}

export interface FastifyReceiptsOptions extends NodeAdapterOptions {
  service: ReceiptsService;
}

/**
 * `fastify.register(fastifyReceipts, { service })`. Inside its own (encapsulated) context the plugin replaces
 * Fastify's body parsers with one that hands over the unread request stream, so the service enforces its own
 * size cap and validation, and the app's JSON parser settings are untouched.
 */
export function fastifyReceipts(fastify: FastifyInstanceLike, options: FastifyReceiptsOptions, done: (error?: Error) => void): void {
  const { service, ...adapterOptions } = options;
  fastify.removeAllContentTypeParsers?.();
  // (request, payload, done): the payload is the raw stream; reading it is left to the service.
  fastify.addContentTypeParser('*', (_request: unknown, _payload: unknown, parsed: (error: null, body: unknown) => void) =>
    parsed(null, undefined),
  );
  const handler = async (request: FastifyRequestLike, reply: FastifyReplyLike) => {
    reply.hijack();
    const response = await service.handle(serviceRequestOf(request.raw, adapterOptions));
    if (!response) {
      reply.raw.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    await sendServiceResponse(reply.raw, response, request.raw.method === 'HEAD');
  };
  // Fastify answers HEAD from the GET routes itself.
  fastify.route({ method: ['POST', 'GET'], url: service.path || '/', handler });
  fastify.route({ method: ['GET', 'POST'], url: `${service.path}/admin`, handler });
  fastify.route({ method: ['GET', 'POST'], url: `${service.path}/admin/*`, handler });
  done();
}
