import { InputError } from '../errors';

export interface PreflightOptions {
  /** Milliseconds to wait for the answer's headers. */
  timeout: number;
  /** Same-origin redirects followed before giving up. */
  maxRedirects?: number;
  fetch?: typeof fetch;
}

export interface PreflightResult {
  /** Where the page really is, after same-origin redirects. */
  url: URL;
  status: number;
  contentType: string;
}

const TLS_CODES = /CERT|SSL|TLS|EPROTO|ERR_SSL|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/;

/** One readable sentence for a failed connection, from Node's error codes. */
export function describeFetchError(error: unknown, url: URL, timeout: number): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code || (error as { code?: string })?.code || '';
  const detail = cause?.message || (error as Error)?.message || String(error);
  const where = url.host;
  if ((error as Error)?.name == 'TimeoutError' || (error as Error)?.name == 'AbortError')
    return `${url.href} did not answer within ${timeout / 1000} s`;
  if (code == 'ECONNREFUSED') return `cannot connect to ${where}: connection refused (is the site running?)`;
  if (code == 'ENOTFOUND' || code == 'EAI_AGAIN') return `cannot find ${url.hostname}: no such host (check the spelling)`;
  if (code == 'ECONNRESET') return `${where} closed the connection without answering`;
  if (code == 'EHOSTUNREACH' || code == 'ENETUNREACH') return `cannot reach ${where}: no route to the host`;
  if (TLS_CODES.test(code) || TLS_CODES.test(detail))
    return `TLS error talking to ${where}: ${detail}${code && !detail.includes(code) ? ' (' + code + ')' : ''}`;
  return `cannot load ${url.href}: ${detail}${code ? ' (' + code + ')' : ''}`;
}

function isHtml(contentType: string, head: string) {
  if (/^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType)) return true;
  // No content type at all: look at the first bytes, as a browser would.
  return !contentType && /^\s*(<!doctype html|<html|<head|<body)/i.test(head);
}

/**
 * Ask the site for one page before the browser does, so that a dead host, a TLS failure, a
 * non-HTML answer or a redirect to another site is told apart clearly. Talks only to that origin:
 * redirects are followed by hand, and only while they stay on it.
 */
export async function preflight(start: URL, { timeout, maxRedirects = 5, fetch: get = fetch }: PreflightOptions): Promise<PreflightResult> {
  let url = new URL(start.href);
  for (let redirects = 0; ; redirects++) {
    let response: Response;
    try {
      response = await get(url, {
        redirect: 'manual',
        signal: AbortSignal.timeout(timeout),
        headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' },
      });
    } catch (error) {
      throw new InputError(describeFetchError(error, url, timeout));
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      const next = new URL(location, url);
      if (next.origin != start.origin)
        throw new InputError(`${url.href} redirects to another site (${next.origin}); scan that site's URL instead`);
      if (redirects >= maxRedirects) throw new InputError(`${start.href} redirects more than ${maxRedirects} times`);
      url = next;
      continue;
    }
    const contentType = response.headers.get('content-type') || '';
    let head = '';
    if (!contentType && response.body) {
      const reader = response.body.getReader();
      const chunk = await reader.read().catch(() => ({ value: undefined }));
      head = chunk.value ? new TextDecoder().decode(chunk.value.slice(0, 512)) : '';
      await reader.cancel().catch(() => {});
    } else await response.body?.cancel().catch(() => {});
    if (response.status >= 400) throw new InputError(`${url.href} answered HTTP ${response.status} ${response.statusText}`.trim());
    if (!isHtml(contentType, head))
      throw new InputError(`${url.href} is not an HTML page (content-type: ${contentType || 'none'}); give the URL of a web page`);
    return { url, status: response.status, contentType };
  }
}
