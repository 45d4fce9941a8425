import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The demo as it was before the owner installed consentry: a proxy in front of it that drops the
 * SDK's script tag and turns every held tag back into an ordinary one (`type="text/plain"` removed,
 * `data-src` → `src`). What `check` must fail on, with the demo's real third parties.
 */
export function withoutConsentry(html: string): string {
  return html
    .replace(/<script\b[^>]*\bsrc="[^"]*consentry(\.min)?\.js"[^>]*><\/script>/g, '')
    .replace(/<script id="consentry-config"[\s\S]*?<\/script>/g, '')
    .replace(/<(script|iframe|img)\b([^>]*)>/g, (tag, name: string, attributes: string) =>
      attributes.includes('data-consent') || attributes.includes('data-service')
        ? `<${name}${attributes.replace(/\s+type="text\/plain"/, '').replace(/\bdata-src=/, 'src=')}>`
        : tag,
    );
}

export async function startProxyWithoutConsentry(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const response = await fetch(target + (req.url || '/'), { headers: { cookie: req.headers.cookie || '' }, redirect: 'manual' });
    const type = response.headers.get('content-type') || '';
    const headers: Record<string, string | string[]> = { 'content-type': type, 'cache-control': 'no-store' };
    const cookies = response.headers.getSetCookie();
    if (cookies.length) headers['set-cookie'] = cookies;
    const location = response.headers.get('location');
    if (location) headers.location = location.replace(target, '');
    const body = type.includes('text/html') ? withoutConsentry(await response.text()) : Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
