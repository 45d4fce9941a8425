import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateConfig } from '../../../src/core/config/validate';
import type { ConsentryConfig } from '../../../src/core/config/types';

/**
 * A small site for the scanner's own tests, independent of the demo and of dist/: the site on one
 * port, an analytics provider and an ad network on two others (all 127.0.0.1), every request logged.
 *
 *   /            no consent tool at all: both trackers load at once (the leaky variant)
 *   /about /shop the same trackers; /about links on to pages that must not be followed
 *   /safe/       a fake consentry (window.Consentry + a banner in <consentry-ui>'s open shadow root)
 *                holding the trackers until "Accept all"; /safe/next is its next page
 *   /safe/buggy  the same, but "Reject all" still starts the analytics tag
 *   /away        redirects to the ad network's site     /data.json  not HTML
 *   /hang        never answers                           /slow       HTML whose image never finishes
 */
export interface Hit {
  server: 'site' | 'analytics' | 'ads';
  method: string;
  path: string;
  /** The request's Sec-Fetch-Dest: document, iframe, script, image, empty (beacon) … */
  dest: string;
}

export interface FixtureSite {
  url: string;
  analytics: string;
  ads: string;
  /** The config the fake consentry runs with (also usable as `--config`). */
  config: ConsentryConfig;
  hits(): Hit[];
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, path: string) => void;

async function serve(name: Hit['server'], hits: Hit[], handler: Handler): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = req.url || '/';
    hits.push({ server: name, method: req.method || 'GET', path, dest: String(req.headers['sec-fetch-dest'] || '') });
    req.resume();
    handler(req, res, path);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const html = (res: ServerResponse, body: string, headers: Record<string, string | string[]> = {}) =>
  void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(body);
const js = (res: ServerResponse, body: string, headers: Record<string, string | string[]> = {}) =>
  void res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store', ...headers }).end(body);
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

function fakeConsentry(settings: unknown, buggy: boolean): string {
  return `(function () {
  var settings = ${JSON.stringify(settings)};
  var stored = /(?:^|; )consentry=(accept|reject)/.exec(document.cookie);
  function stateOf(choice) {
    var granted = choice == 'accept';
    return choice
      ? { status: 'decided', needsBanner: false, record: { method: granted ? 'accept-all' : 'reject-all' }, categories: { essential: true, analytics: granted, advertising: granted } }
      : { status: 'pending', needsBanner: true, record: null, categories: { essential: true, analytics: false, advertising: false } };
  }
  var state = stateOf(stored && stored[1]);
  function activate(category) {
    document.querySelectorAll('script[type="text/plain"][data-consent' + (category ? '="' + category + '"' : '') + ']').forEach(function (held) {
      var script = document.createElement('script');
      script.src = held.getAttribute('data-src');
      held.replaceWith(script);
    });
  }
  function decide(choice) {
    document.cookie = 'consentry=' + choice + '; path=/; max-age=15552000; samesite=lax';
    state = stateOf(choice);
    var banner = document.querySelector('consentry-ui');
    if (banner) banner.remove();
    if (choice == 'accept') activate();
    else if (${buggy}) activate('analytics');
  }
  window.Consentry = {
    settings: settings,
    get: function () { return state; },
    acceptAll: function () { decide('accept'); },
    rejectAll: function () { decide('reject'); },
  };
  document.addEventListener('DOMContentLoaded', function () {
    if (state.record && state.record.method == 'accept-all') return activate();
    if (!state.needsBanner) return;
    var host = document.createElement('consentry-ui');
    var root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<div role="dialog" aria-label="Cookies"><p>We use cookies.</p><button>Accept all</button> <button>Reject all</button></div>';
    var buttons = root.querySelectorAll('button');
    buttons[0].onclick = function () { decide('accept'); };
    buttons[1].onclick = function () { decide('reject'); };
    document.body.appendChild(host);
  });
})();`;
}

export async function startFixtureSite(): Promise<FixtureSite> {
  const hits: Hit[] = [];
  const analytics = await serve('analytics', hits, (_req, res, path) => {
    if (path.startsWith('/a.js'))
      return js(
        res,
        `document.cookie = '_ga=GA1.1.' + Math.floor(Math.random() * 1e9) + '; path=/; max-age=63072000';
         localStorage.setItem('ns_visitor', String(Date.now()));
         indexedDB.open('ns_events', 1).onupgradeneeded = function (event) { event.target.result.createObjectStore('queue'); };
         navigator.sendBeacon(${JSON.stringify(analyticsOrigin())} + '/collect?dl=' + encodeURIComponent(location.href), 'v=1');`,
      );
    if (path.startsWith('/collect')) return void res.writeHead(204).end();
    res.writeHead(404).end();
  });
  const analyticsOrigin = () => analytics.origin;
  const ads = await serve('ads', hits, (_req, res, path) => {
    const id = { 'set-cookie': 'IDE=AHWqTU' + Math.floor(Math.random() * 1e9) + '; Path=/; Max-Age=33696000; HttpOnly; SameSite=Lax' };
    if (path.startsWith('/ads.js'))
      return js(
        res,
        `document.cookie = '_fbp=fb.1.' + Date.now() + '; path=/; max-age=7776000';
         sessionStorage.setItem('ap_session', '1');
         if (window.cookieStore) cookieStore.set('ap_cs', '1');
         var img = new Image(1, 1); img.src = ${JSON.stringify(ads.origin)} + '/px.gif?ev=PageView'; document.body.appendChild(img);
         var frame = document.createElement('iframe'); frame.src = ${JSON.stringify(ads.origin)} + '/frame'; document.body.appendChild(frame);`,
      );
    if (path.startsWith('/px.gif')) return void res.writeHead(200, { 'content-type': 'image/gif', ...id }).end(PIXEL);
    if (path.startsWith('/frame'))
      return html(res, `<!doctype html><p>Ad</p><script>localStorage.setItem('ad_slot', '1');</script>`, {
        'set-cookie': ['ad_frame=1; Path=/; Max-Age=86400; SameSite=Lax', id['set-cookie']],
      });
    if (path.startsWith('/landing')) return html(res, '<!doctype html><h1>Ad landing page</h1>');
    res.writeHead(404).end();
  });

  const config: ConsentryConfig = {
    services: [
      { id: 'site', category: 'essential', provider: 'Fixture Shop', cookies: [{ name: 'sid', purpose: 'Session' }] },
      { id: 'northstar', category: 'analytics', provider: 'Northstar Analytics' },
      { id: 'adco', category: 'advertising', provider: 'AdCo', cookies: [{ name: 'ad_frame', purpose: 'Which ad slot was shown' }] },
    ],
    blocking: {
      rules: [
        { match: analytics.origin + '/', service: 'northstar' },
        { match: ads.origin + '/', service: 'adco' },
      ],
    },
  };
  const settings = validateConfig(config);

  const session = { 'set-cookie': 'sid=s' + Math.floor(Math.random() * 1e9) + '; Path=/; HttpOnly; SameSite=Lax' };
  const trackers = `<script src="${analytics.origin}/a.js?id=NS1"></script>\n<script src="${ads.origin}/ads.js?id=AP1" defer></script>`;
  const held =
    `<script type="text/plain" data-consent="analytics" data-src="${analytics.origin}/a.js?id=NS1"></script>\n` +
    `<script type="text/plain" data-consent="advertising" data-src="${ads.origin}/ads.js?id=AP1"></script>`;
  const page = (title: string, head: string, links: string[]) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}<title>${title}</title></head>` +
    `<body><h1>${title}</h1><nav>${links.map((href) => `<a href="${href}">${href}</a>`).join(' ')}</nav></body></html>`;

  const site = await serve('site', hits, (_req, res, path) => {
    const route = path.split('?')[0];
    switch (route) {
      case '/':
        return html(
          res,
          page('Home', trackers, [
            '/about',
            '/shop',
            '/shop#reviews',
            '/docs/manual.pdf',
            `${ads.origin}/landing`,
            'http://example.invalid/',
            'mailto:shop@example.invalid',
          ]),
          session,
        );
      case '/about':
        return html(res, page('About', trackers, ['/', '/away', '/slow']), session);
      case '/shop':
        return html(res, page('Shop', trackers, ['/']), session);
      case '/safe/':
        return html(res, page('Safe home', '<script src="/dist/consentry.min.js"></script>' + held, ['/safe/next']), session);
      case '/safe/next':
        return html(res, page('Safe next', '<script src="/dist/consentry.min.js"></script>' + held, ['/safe/']), session);
      case '/safe/buggy':
        return html(res, page('Buggy', '<script src="/dist/consentry-buggy.min.js"></script>' + held, ['/safe/next']), session);
      case '/dist/consentry.min.js':
        return js(res, fakeConsentry(settings, false));
      case '/dist/consentry-buggy.min.js':
        return js(res, fakeConsentry(settings, true));
      case '/away':
        return void res.writeHead(302, { location: ads.origin + '/landing' }).end();
      case '/data.json':
        return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      case '/hang':
        return; // never answers
      case '/slow':
        return html(res, page('Slow', trackers + '<img src="/never-finishes.png">', ['/']));
      case '/never-finishes.png':
        return void res.writeHead(200, { 'content-type': 'image/png' }); // headers, then silence
      default:
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });

  const servers = [site.server, analytics.server, ads.server];
  return {
    url: site.origin,
    analytics: analytics.origin,
    ads: ads.origin,
    config,
    hits: () => hits.slice(),
    close: async () => {
      for (const server of servers) server.closeAllConnections();
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}
