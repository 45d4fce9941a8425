/** A request as every adapter (Node http, Express, Fastify, fetch) can describe it. */
export interface ServiceRequest {
  method: string;
  /** Path without query string. */
  path: string;
  query: URLSearchParams;
  header(name: string): string | undefined;
  /** The client's address as seen by this server (or the proxy header the owner trusts); null if unknown. */
  clientAddress: string | null;
  /** The body, at most `limit` bytes; throws BodyTooLargeError past that, without reading the rest. */
  body(limit: number): Promise<Uint8Array>;
}

export interface ServiceResponse {
  status: number;
  headers: { [name: string]: string | string[] };
  /** A string, or chunks for exports (streamed, never held in memory whole). */
  body: string | AsyncIterable<string>;
}

export class BodyTooLargeError extends Error {}
