/** What the rewriter knows about one document and the request for it. All optional. */
export interface DocumentContext {
  /** The page's URL (resolves relative URLs; same-origin URLs are the site's own). */
  url?: string;
  /** The request's `Cookie` header: the consent cookie decides what is granted. */
  cookie?: string | null;
  /** Visitor's region code ("DE", "US-CA"), as the site knows it. */
  region?: string | null;
  /** `Sec-GPC: 1` was sent. */
  gpc?: boolean;
  /** `DNT: 1` was sent. */
  dnt?: boolean;
}

/** Header lookup over Node's lower-cased `IncomingHttpHeaders`, Fastify's, or a fetch `Headers`. */
export type HeaderSource = { get(name: string): string | null } | { [name: string]: string | string[] | undefined };

export function headerOf(headers: HeaderSource, name: string): string | undefined {
  const value =
    typeof headers.get === 'function'
      ? (headers as { get(n: string): string | null }).get(name)
      : (headers as { [name: string]: string | string[] | undefined })[name];
  if (value == null) return undefined;
  return Array.isArray(value) ? value.join('; ') : String(value);
}

/** Reads the region from a request, e.g. `headers => headers['cf-ipcountry']`; or a fixed code. */
export type RegionSource = string | ((headers: HeaderSource) => string | null | undefined);

/** The document context of an HTTP request: its URL, consent cookie, GPC and DNT signals, and region. */
export function contextFromRequest(url: string, headers: HeaderSource, region?: RegionSource): DocumentContext {
  return {
    url,
    cookie: headerOf(headers, 'cookie') ?? null,
    gpc: headerOf(headers, 'sec-gpc')?.trim() === '1',
    dnt: headerOf(headers, 'dnt')?.trim() === '1',
    region: typeof region === 'function' ? (region(headers) ?? null) : (region ?? null),
  };
}
