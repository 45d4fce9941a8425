import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { heroPng } from './hero-png.mjs';

const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * One response, prepared once. Text goes out gzip -9'd (as the build's size check counts it and as a
 * CDN serves it), so Resource Timing's encodedBodySize is the gzip size the visitor pays for.
 */
function asset(body, type, { gzip = /^text\/|javascript|json/.test(type) } = {}) {
  const raw = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return { type, body: gzip ? gzipSync(raw, { level: 9 }) : raw, gzip };
}

export const fileAsset = (path, type) => asset(readFileSync(path), type);
export const htmlAsset = (html) => asset(html, 'text/html; charset=utf-8');

/**
 * BENCH_LATENCY_MS: every response waits this long first, as if a network round trip away (loopback has
 * none, which hides what a chain of requests costs: loader, then what it fetches). The same for every SDK.
 */
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS) || 0;

function serve(assets, origin) {
  const server = createServer(async (req, res) => {
    if (LATENCY_MS) await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
    const path = (req.url || '/').split('?')[0];
    const found = assets.get(path);
    const headers = { 'cache-control': 'no-store', 'timing-allow-origin': '*', 'access-control-allow-origin': '*' };
    if (!found) return void res.writeHead(req.method === 'POST' ? 204 : 404, headers).end();
    res.writeHead(200, {
      ...headers,
      'content-type': found.type,
      ...(found.gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    res.end(found.body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}`;
      origin(url);
      resolve({
        origin: url,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    }),
  );
}

/**
 * The site: pages registered by the caller plus the hero image. Pages are added after start, since
 * they embed the tracker's origin.
 */
export async function startSite() {
  const assets = new Map([
    ['/hero.png', asset(heroPng(), 'image/png')],
    ['/favicon.ico', asset(PIXEL_GIF, 'image/gif', { gzip: false })],
  ]);
  const server = await serve(assets, () => {});
  return { ...server, add: (path, value) => void assets.set(path, value) };
}

/**
 * A third party on another loopback port, playing an analytics vendor, an ad network and a pixel:
 * what the gated tags load once consent allows them. Each does a little of what the real ones do
 * (a cookie, a beacon, an ad in a reserved slot) so a granted visit has real work in it.
 */
export async function startTracker() {
  const assets = new Map();
  return serve(assets, (origin) => {
    assets.set(
      '/analytics.js',
      asset(
        `(function(){
  var id = (document.cookie.match(/(?:^|; )_bench_ga=([^;]*)/) || [])[1] || String(Math.random()).slice(2);
  document.cookie = '_bench_ga=' + id + '; path=/; max-age=63072000; samesite=lax';
  var hit = { v: 2, cid: id, dl: location.href, dt: document.title, sr: screen.width + 'x' + screen.height, ts: Date.now() };
  navigator.sendBeacon(${JSON.stringify(origin + '/collect')}, JSON.stringify(hit));
})();`,
        'text/javascript',
      ),
    );
    assets.set(
      '/ads.js',
      asset(
        `(function(){
  var slot = document.getElementById('ad-slot');
  if (!slot) return;
  var a = document.createElement('a');
  a.href = '#'; a.textContent = 'Sponsored: Cirrus Edge hosting, 30 days free';
  a.style.cssText = 'display:block;height:90px;line-height:90px;text-align:center;background:#f4f1e8;color:#333';
  slot.appendChild(a);
  new Image().src = ${JSON.stringify(origin + '/ad-impression.gif')} + '?t=' + Date.now();
})();`,
        'text/javascript',
      ),
    );
    assets.set('/pixel.gif', asset(PIXEL_GIF, 'image/gif', { gzip: false }));
    assets.set('/ad-impression.gif', asset(PIXEL_GIF, 'image/gif', { gzip: false }));
  });
}
