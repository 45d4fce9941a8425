import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/browser';

/*
 * A loopback HTTPS server that answers for every host name, and a Chromium that resolves every host name to it:
 * the site, the vendors' CDNs with their real browser builds from node_modules, and their ingestion hosts. Every
 * request is recorded by its Host header, so a request to any host but the site's is one a test can count; no
 * request can leave the machine. The certificate is a throw-away self-signed one made here with openssl
 * (Chromium runs with --ignore-certificate-errors): several vendor hosts are HSTS-preloaded, so plain http is no
 * stand-in for them.
 */

/**
 * The site the vendors are installed on, one host name per test case (`<case>.consentry-shop.test`): a request's
 * Origin or Referer then tells which case sent it, so a beacon a closed case sends late is not counted in the next.
 * `.test` is reserved (RFC 2606) and in no public-suffix list.
 */
export const SITE = 'consentry-shop.test';
const isSite = (host: string) => host.endsWith('.' + SITE);
const DIST = new URL('../../../dist/', import.meta.url).pathname;
const TYPES: { [ext: string]: string } = { '.js': 'text/javascript', '.gz': 'text/javascript', '.json': 'application/json' };

export interface Hit {
  host: string;
  /** The page that sent it (its Origin or Referer), when the browser says. */
  site?: string;
  method: string;
  path: string;
}

/** What one vendor's library is served from and answered with. Keys are `host/path`; a key ending in `/` is a folder. */
export interface VendorFiles {
  files: { [hostPath: string]: string };
  /** Bodies for ingestion or settings endpoints (by `host/path` prefix); anything else on a vendor host gets `{}`. */
  answers?: { [hostPathPrefix: string]: string };
}

export interface VendorServer {
  port: number;
  hits: Hit[];
  serve(vendor: VendorFiles): void;
  page(path: string, html: string): void;
  close(): Promise<void>;
}

function throwAwayCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-vendors-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=consentry-vendor-suite',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fileAt = (files: VendorFiles['files'], hostPath: string): string | null => {
  if (files[hostPath] && !hostPath.endsWith('/')) return files[hostPath];
  for (const [key, target] of Object.entries(files)) {
    if (!key.endsWith('/') || !hostPath.startsWith(key)) continue;
    const file = normalize(join(target, hostPath.slice(key.length)));
    if (file.startsWith(normalize(target)) && statSync(file, { throwIfNoEntry: false })?.isFile()) return file;
  }
  return null;
};

export async function startVendorServer(): Promise<VendorServer> {
  const files: VendorFiles['files'] = {};
  const answers: NonNullable<VendorFiles['answers']> = {};
  const pages = new Map<string, string>();
  const hits: Hit[] = [];
  const server = createServer(throwAwayCertificate(), (req, res) => {
    const host = (req.headers.host || '').replace(/:\d+$/, '');
    const path = (req.url || '/').split('?')[0];
    const sender = req.headers.origin || req.headers.referer;
    hits.push({ host, site: sender ? new URL(sender).hostname : undefined, method: req.method || 'GET', path: req.url || '/' });
    req.resume();
    // Vendors send with credentials and custom headers: answer CORS as their hosts do.
    const cors = {
      'access-control-allow-origin': req.headers.origin || '*',
      'access-control-allow-credentials': 'true',
      'access-control-allow-headers': req.headers['access-control-request-headers'] || '*',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'cache-control': 'no-store',
    };
    if (req.method == 'OPTIONS') return void res.writeHead(204, cors).end();
    if (isSite(host)) {
      const page = pages.get(path);
      if (page != null) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...cors }).end(page);
      // A vendor's library hosted by the site itself (see selfHosted): /fp/<vendor host>/<path>.
      const own = path.startsWith('/fp/') && fileAt(files, path.slice(4));
      if (own) return void res.writeHead(200, { 'content-type': 'text/javascript', ...cors }).end(readFileSync(own));
      if (path.startsWith('/dist/')) {
        const file = fileAt({ [host + '/dist/']: DIST }, host + path);
        if (file)
          return void res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'text/javascript', ...cors }).end(readFileSync(file));
      }
      return void res.writeHead(404, cors).end();
    }
    const file = fileAt(files, host + path);
    if (file)
      return void res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'text/javascript', ...cors }).end(readFileSync(file));
    // A library file we do not have is a bug of this suite, not an answer to guess at.
    if (/\.js$/.test(path)) return void res.writeHead(404, cors).end();
    const answer = Object.entries(answers).find(([prefix]) => (host + path).startsWith(prefix));
    res.writeHead(200, { 'content-type': 'application/json', ...cors }).end(answer ? answer[1] : '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    serve: (vendor) => {
      Object.assign(files, vendor.files);
      Object.assign(answers, vendor.answers || {});
    },
    page: (path, html) => void pages.set(path, html),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Debian's Chromium with every host name resolved to the loopback server. Not flagged as automated
 * (`navigator.webdriver`), which PostHog, for one, reads as a bot and stops sending for.
 */
export function launchVendorChromium(port: number): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      `--host-resolver-rules=MAP * 127.0.0.1:${port}`,
      '--ignore-certificate-errors',
      '--disable-blink-features=AutomationControlled',
    ],
  });
}

/**
 * A visitor's browser: a fresh context with a desktop Chrome user agent (PostHog, for one, drops the events of a
 * "HeadlessChrome" agent as a bot's), and every request its pages start to a host other than the site's, as the
 * browser saw it: with the server's record this also counts requests sent without Origin or Referer.
 */
export async function visitorContext(browser: Browser): Promise<{ context: BrowserContext; started: string[] }> {
  const context = await browser.newContext({
    locale: 'en-US',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
  });
  const started: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (/^(https?|wss?):$/.test(url.protocol) && !isSite(url.hostname)) started.push(`${request.method()} ${url.hostname}${url.pathname}`);
  });
  return { context, started };
}

/** A config that declares only the three built-in categories: no service, no host, no cookie. */
export const CONFIG = { categories: [{ id: 'essential' }, { id: 'analytics' }, { id: 'advertising' }] };

/** The loader first in <head>, then the config inline. */
export const LOADER_HEAD = `<script src="/dist/consentry.min.js"></script>
<script type="application/json" id="consentry-config">${JSON.stringify(CONFIG)}</script>`;

/**
 * The snippet with the library it loads from the vendor's CDN hosts loaded from the site's own origin instead, as
 * a site that bundles or self-hosts it does: the auto-blocker has no URL to hold, so the library runs before any
 * choice and only the network, cookie and storage guards stand between it and the visitor.
 */
export const selfHosted = (snippet: string, cdnHosts: string[]) =>
  cdnHosts.reduce((html, host) => html.replace(new RegExp(`(https:)?//${host.replace(/\./g, '\\.')}/`, 'g'), `/fp/${host}/`), snippet);

export const sitePage = (snippet: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${LOADER_HEAD}\n${snippet}\n</head><body><h1>Shop</h1><p>Things to buy.</p></body></html>`;

export interface Traces {
  requests: string[];
  cookies: string[];
  localStorage: string[];
  sessionStorage: string[];
  indexedDB: string[];
}

/**
 * What the vendors left: the requests the page's context started or its case sent to any host but the site's, cookies, storage keys and databases; consentry's own (its cookie, `consentry:` keys) excluded.
 */
export async function tracesOf(context: BrowserContext, started: string[], page: Page, hits: Hit[]): Promise<Traces> {
  const site = new URL(page.url()).hostname;
  const stored = await page.evaluate(async () => ({
    localStorage: Object.keys(localStorage)
      .filter((key) => !key.startsWith('consentry:'))
      .sort(),
    sessionStorage: Object.keys(sessionStorage)
      .filter((key) => !key.startsWith('consentry:'))
      .sort(),
    indexedDB: (await indexedDB.databases()).map((db) => db.name!).sort(),
  }));
  return {
    // Chromium's own background requests (its component updater) name no page: only a page's are counted.
    requests: [
      ...new Set([
        ...started,
        ...hits.filter((hit) => !isSite(hit.host) && hit.site == site).map((hit) => `${hit.method} ${hit.host}${hit.path.split('?')[0]}`),
      ]),
    ],
    cookies: (await context.cookies())
      .filter((cookie) => cookie.name.replace(/^__Host-/, '') != 'consentry')
      .map((cookie) => `${cookie.domain} ${cookie.name}`)
      .sort(),
    ...stored,
  };
}

export const NO_TRACES: Traces = { requests: [], cookies: [], localStorage: [], sessionStorage: [], indexedDB: [] };
