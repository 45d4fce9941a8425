/**
 * Whether a response body is HTML this rewriter may transform: `text/html` in UTF-8 (or ASCII, or no
 * charset, which browsers then sniff; UTF-8 is what nearly every site sends) and not content-encoded.
 * Compressed or other-charset HTML passes through untouched: put the rewriter before compression.
 */
export function isRewritableHtml(contentType: unknown, contentEncoding: unknown): boolean {
  if (typeof contentType !== 'string') return false;
  const [essence, ...params] = contentType.toLowerCase().split(';');
  if (essence.trim() !== 'text/html') return false;
  const charset = params.map((p) => p.trim()).find((p) => p.startsWith('charset='));
  const name = charset?.slice(8).replace(/"/g, '').trim();
  if (name && !/^(utf-?8|us-ascii|ascii)$/.test(name)) return false;
  const encoding = typeof contentEncoding === 'string' ? contentEncoding.trim().toLowerCase() : '';
  return !encoding || encoding === 'identity';
}

/** The request headers a `from-cookie` response depends on, for `Vary`. */
export function varyHeaders(gpc: boolean, dnt: boolean): string[] {
  return ['Cookie', ...(gpc ? ['Sec-GPC'] : []), ...(dnt ? ['DNT'] : [])];
}

/** `Vary` with these names added (case-insensitively, once each); `*` stays `*`. */
export function addVary(current: unknown, names: string[]): string {
  const list = (Array.isArray(current) ? current.join(',') : typeof current === 'string' ? current : '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (list.includes('*')) return '*';
  const lower = new Set(list.map((name) => name.toLowerCase()));
  for (const name of names) if (!lower.has(name.toLowerCase())) list.push(name);
  return list.join(', ');
}

/**
 * The ETag of a rewritten variant: weak (the bytes differ from the original's) and distinct per set of
 * grants, so a cache revalidating one variant never gets a 304 for another.
 */
export function variantEtag(etag: string, variant: string): string {
  const opaque = etag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  return `W/"${opaque}-${variant}"`;
}
