import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import type { Settings } from '../../../src/core/config/types';
import { zooPage } from './page';
import { frame, GIF, REAL_HOSTS, SVG, trackerScripts, type Origins } from './trackers';

/** The zoo's config: tracker A is analytics (service tracker-a), tracker B advertising (service tracker-b). */
export function zooSettings({ A, B }: Origins, blocking: Partial<Settings['blocking']> = {}): Settings {
  const service = (id: string, category: string, extra: Partial<Settings['services'][number]>) => ({
    id,
    category,
    name: id,
    provider: id,
    purpose: '',
    privacyPolicyUrl: '',
    cookies: [],
    storage: [],
    hosts: [],
    ...extra,
  });
  return {
    revision: 1,
    language: 'en',
    categories: ['essential', 'analytics', 'advertising'].map((id) => ({ id, title: id, description: '', required: id == 'essential' })),
    services: [
      service('tracker-a', 'analytics', { cookies: [{ name: '_za_', prefix: true }], storage: [{ key: 'za_', prefix: true }] }),
      service('tracker-b', 'advertising', { cookies: [{ name: 'zb_id' }], storage: [{ key: 'zb_state', type: 'local' }] }),
      service('video', 'advertising', {}),
    ],
    cookie: { name: 'consentry', domain: '', path: '/', sameSite: 'Lax', expiresDays: 182 },
    texts: {},
    ui: { layout: 'bar-bottom', theme: 'light', floatingButton: false, closeButton: false, privacyPolicyUrl: '', nonce: '', assetsUrl: '' },
    regions: { default: 'opt-in', rules: [], source: '' },
    signals: { gpc: true, dnt: false },
    minors: { ask: false, thresholds: {} },
    crossBorder: null,
    blocking: {
      autoBlock: true,
      rules: [
        { match: A + '/', service: 'tracker-a' },
        { match: B + '/', service: 'tracker-b' },
      ],
      unknownCookies: 'allow',
      reloadOnWithdraw: true,
      aliases: true,
      ...blocking,
      categoryAliases: blocking?.categoryAliases || {},
      trustedTypesPolicy: blocking?.trustedTypesPolicy || 'consentry',
    },
    receipts: null,
    integrations: {},
  };
}

let bundle: Promise<string> | undefined;
/** The zoo's SDK, bundled once per test run. */
export function sdkBundle(): Promise<string> {
  return (bundle ||= build({
    entryPoints: [new URL('./entry.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2021',
    minify: true,
  }).then((result) => result.outputFiles[0].text));
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export interface Zoo extends Origins {
  site: string;
  /** Every request a tracker received, as "A:/path", "B:/path", "ga:/path", … in arrival order. */
  hits: string[];
  /** Serve extra pages on the site (path → HTML), e.g. variants of the zoo. */
  pages: Map<string, { html: string; headers?: { [name: string]: string } }>;
  /** Route the real tracker hostnames of a context to the fakes. */
  routeRealHosts(context: BrowserContext): Promise<void>;
  close(): Promise<void>;
}

export async function startZoo(blocking: Partial<Settings['blocking']> = {}): Promise<Zoo> {
  const hits: string[] = [];
  const pages: Zoo['pages'] = new Map();
  let scripts: { [path: string]: string } = {};
  const tracker = (name: 'A' | 'B') =>
    createServer((req, res) => {
      const url = new URL(req.url || '/', 'http://x');
      hits.push(`${name}:${url.pathname}`);
      const [, kind, file = ''] = url.pathname.split('/');
      const id = file.replace(/\.\w+$/, '');
      const send = (type: string, body: string | Buffer) => {
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
        res.end(body);
      };
      const delay = Number(url.searchParams.get('delay') || 0);
      setTimeout(() => {
        if (kind == 's') send('text/javascript', scripts[`${name}${url.pathname}`] ?? `/* unknown ${url.pathname} */`);
        else if (kind == 'p') send('image/gif', GIF);
        else if (kind == 'f') send('text/html', frame(id));
        else if (kind == 'c') send('text/css', `body{--zoo-${id}:1}`);
        else if (kind == 'e') send('image/svg+xml', SVG);
        else {
          res.writeHead(204, { 'access-control-allow-origin': '*' });
          res.end();
        }
      }, delay);
    });
  const servers = [tracker('A'), tracker('B')];
  const [A, B] = await Promise.all(servers.map(listen));
  scripts = Object.fromEntries(Object.entries(trackerScripts({ A, B })).map(([path, body]) => [path, body]));
  const settings = zooSettings({ A, B }, blocking);
  const sdk = `window.__zooSettings=${JSON.stringify(settings)};` + (await sdkBundle());

  const siteServer = createServer((req, res) => {
    const path = (req.url || '/').split('?')[0];
    const page = pages.get(path);
    if (path == '/sdk.js') res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(sdk);
    else if (path == '/own.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      res.end(`window.__order.push('own');document.cookie='session=1; path=/';`);
    } else if (path == '/')
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(zooPage({ A, B }));
    else if (page)
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...page.headers }).end(page.html);
    else res.writeHead(404).end();
  });
  servers.push(siteServer);
  const site = await listen(siteServer);

  return {
    A,
    B,
    site,
    hits,
    pages,
    async routeRealHosts(context) {
      for (const [prefix, name] of Object.entries(REAL_HOSTS)) {
        await context.route(prefix + '**', (route) => {
          const { pathname } = new URL(route.request().url());
          hits.push(`${name}:${pathname}`);
          const body = scripts[`${name}/${pathname.split('/').pop()}`];
          return body == null
            ? route.fulfill({ status: 204 })
            : route.fulfill({ status: 200, contentType: 'text/javascript', body, headers: { 'cache-control': 'no-store' } });
        });
      }
    },
    close: () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      ).then(() => {}),
  };
}
