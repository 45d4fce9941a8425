import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appendSetCookie, parseCookies, serializeCookie } from './cookies.mjs';
import { escapeHtml } from './escape-html.mjs';
import { headTags } from './head-tags.mjs';
import { readBody } from './read-body.mjs';
import { readReceipt } from './receipt-shape.mjs';
import { redirect, safeLocalPath, send, sendJson } from './respond.mjs';
import { createRewriteSwitch } from './rewrite-switch.mjs';
import { csrfTokenMatches, setLanguageCookie } from './sessions.mjs';
import { fillTemplate } from './render-page.mjs';
import { serveFile } from './static-files.mjs';
import { fillConfigOrigins, trackerPlaceholders } from './tracker-origins.mjs';
import { GPC_COOKIE, REGION_CODE, REGION_COOKIE, readVisitorSignals } from './visitor-signals.mjs';
import { PLANS, cartView, contactStatusView, receiptRowsView, simulationOptionsView } from './views.mjs';

const HTML = 'text/html; charset=utf-8';

/** Site pages: URL path → page file. The SPA answers every path under /spa/ (history routing). */
export const PAGES = {
  '/': 'home',
  '/pricing': 'pricing',
  '/blog/edge-caching-explained': 'blog',
  '/contact': 'contact',
  '/privacy': 'privacy',
  '/playground': 'playground',
  '/receipts': 'receipts',
  '/legacy': 'legacy',
};

const CONTACT_TOPICS = ['sales', 'support', 'partnership', 'press'];

/**
 * @typedef {{
 *   demoDir: string,
 *   distDir: string,
 *   trackers: import('./tracker-origins.mjs').TrackerOrigins,
 *   hits: ReturnType<typeof import('./hit-log.mjs').createHitLog>,
 *   receipts: ReturnType<typeof import('./receipt-store.mjs').createReceiptStore>,
 *   sessions: ReturnType<typeof import('./sessions.mjs').createSessions>,
 *   renderer: ReturnType<typeof import('./render-page.mjs').createPageRenderer>,
 *   sdkBundler: ReturnType<typeof import('./bundle-sdk.mjs').createSdkBundler>,
 *   rewrite?: boolean,
 * }} SiteOptions
 */

/**
 * The demo origin: the Cirrus Edge site, its essential features (session, cart, language, contact
 * form with CSRF), the dynamic consent config, the receipt endpoint and the demo's inspection API.
 * @param {SiteOptions} options
 */
export function createSiteHandler(options) {
  const { demoDir, distDir, trackers, hits, receipts, sessions, renderer, sdkBundler, rewrite = false } = options;
  const pagesDir = join(demoDir, 'pages');

  async function configText() {
    return fillConfigOrigins(await readFile(join(demoDir, 'consent.base.json'), 'utf8'), trackers);
  }

  const rewriteSwitch = createRewriteSwitch({ distDir, configText, defaultOn: rewrite });

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   * @param {string} page
   * @param {number} [status]
   */
  async function renderPage(req, res, url, page, status = 200) {
    const signals = readVisitorSignals(req, url);
    const rewriter = await rewriteSwitch.apply(req, res, url, signals);
    const { csrf, session } = sessions.open(req, res);
    const texts = await renderer.chrome(signals.language);
    const mode = page === 'spa' ? 'npm' : page === 'playground' ? 'inline' : 'script';
    const moduleScript = page === 'spa' ? '/spa/app.js' : page === 'playground' ? '/assets/playground.js' : undefined;
    const switchTo = signals.language === 'en' ? 'zh' : 'en';
    /** @type {Record<string, string>} */
    const vars = {
      ...trackerPlaceholders(trackers),
      ...(await headTags({
        mode,
        region: signals.region,
        gpc: signals.gpc,
        config: mode === 'inline' ? JSON.parse(await configText()) : null,
        pagesDir,
        moduleScript,
        trackerVars: trackerPlaceholders(trackers),
      })),
      DEMO_REWRITER: `<meta name="demo-rewriter" content="${rewriter}">`,
      CSRF: escapeHtml(csrf),
      CART_COUNT: String(session.cart.length),
      LANG_SWITCH_HREF: escapeHtml(`/lang/${switchTo}?next=${encodeURIComponent(url.pathname + url.search)}`),
      CART: cartView(texts, session.cart, csrf, url.searchParams.has('added')),
      CONTACT_STATUS: contactStatusView(texts, {
        sent: url.searchParams.get('sent') === '1',
        invalid: url.searchParams.get('error') === 'invalid',
        lastMessage: session.lastMessage,
      }),
      RECEIPT_ROWS: page === 'receipts' ? receiptRowsView(texts, await receipts.list()) : '',
      ...simulationOptionsView(texts, signals),
    };
    // The old page predates consentry on this site: it carries its own unmarked copies of the tags
    // instead of the site-wide marked ones.
    if (page === 'legacy') {
      vars.GLOBAL_TAGS = fillTemplate(await readFile(join(pagesDir, 'legacy-tags.html'), 'utf8'), trackerPlaceholders(trackers), {});
    }
    send(res, status, await renderer.render({ page, language: signals.language, vars }), HTML);
  }

  /** @param {import('node:http').IncomingMessage} req */
  async function readForm(req) {
    return new URLSearchParams(await readBody(req));
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function csrfFailed(req, res) {
    const { language } = readVisitorSignals(req, new URL('http://x/'));
    const texts = await renderer.chrome(language);
    send(
      res,
      403,
      `<!doctype html><html lang="${texts.htmlLang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(texts.csrfTitle)}</title><link rel="stylesheet" href="/assets/site.css"><main class="container narrow section"><h1>${escapeHtml(texts.csrfTitle)}</h1><p>${escapeHtml(texts.csrfText)}</p><p><a class="button" href="/contact">${escapeHtml(texts.csrfBack)}</a></p></main></html>`,
      HTML,
    );
  }

  /** @type {Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL) => Promise<void> | void>} */
  const posts = {
    async '/contact'(req, res) {
      const form = await readForm(req);
      if (!csrfTokenMatches(req, form.get('_csrf'))) return csrfFailed(req, res);
      const { session } = sessions.open(req, res);
      const name = (form.get('name') || '').trim().slice(0, 100);
      const email = (form.get('email') || '').trim();
      const message = (form.get('message') || '').trim();
      const topic = CONTACT_TOPICS.includes(form.get('topic') || '') ? String(form.get('topic')) : 'sales';
      if (!name || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || !message || message.length > 5000) {
        return redirect(res, '/contact?error=invalid');
      }
      session.lastMessage = { name, topic };
      redirect(res, '/contact?sent=1');
    },
    async '/cart'(req, res) {
      const form = await readForm(req);
      if (!csrfTokenMatches(req, form.get('_csrf'))) return csrfFailed(req, res);
      const { session } = sessions.open(req, res);
      if (form.get('action') === 'clear') {
        session.cart = [];
        return redirect(res, '/pricing#cart');
      }
      const plan = form.get('plan') || '';
      if (/** @type {readonly string[]} */ (PLANS).includes(plan) && session.cart.length < 20) session.cart.push(plan);
      redirect(res, '/pricing?added=1#cart');
    },
    async '/__demo/settings'(req, res) {
      const form = await readForm(req);
      const region = (form.get('region') || '').toUpperCase();
      appendSetCookie(res, serializeCookie(REGION_COOKIE, region, { maxAge: REGION_CODE.test(region) ? undefined : 0 }));
      appendSetCookie(res, serializeCookie(GPC_COOKIE, '1', { maxAge: form.get('gpc') ? undefined : 0 }));
      const language = form.get('lang');
      if (language === 'en' || language === 'zh') setLanguageCookie(res, language);
      redirect(res, safeLocalPath(form.get('next'), '/playground'));
    },
    async '/__demo/receipts'(req, res) {
      const body = await readBody(req); // 413 past the limit, answered by the handler below
      let parsed;
      try {
        parsed = JSON.parse(body);
      } catch {
        return sendJson(res, { error: 'Body must be JSON' }, 400);
      }
      const read = readReceipt(parsed);
      if ('error' in read) return sendJson(res, { error: read.error }, 400);
      await receipts.add(read.receipt);
      sendJson(res, { ok: true }, 201);
    },
    '/__demo/hits/clear'(_req, res) {
      hits.clear();
      sendJson(res, { ok: true });
    },
  };

  /** @type {Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL) => Promise<void> | void>} */
  const gets = {
    async '/consent.json'(_req, res) {
      send(res, 200, await configText(), 'application/json; charset=utf-8');
    },
    '/__demo/hits'(_req, res) {
      sendJson(res, { trackers, hits: hits.list() });
    },
    /** Names of the cookies the browser sent, HttpOnly ones included (scripts cannot see those). */
    '/__demo/cookies'(req, res) {
      sendJson(res, { names: Object.keys(parseCookies(req.headers.cookie)) });
    },
    async '/__demo/receipts'(_req, res) {
      sendJson(res, { receipts: await receipts.list() });
    },
    '/favicon.ico'(_req, res) {
      return serveFile(res, join(demoDir, 'assets'), '/favicon.svg');
    },
  };

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  return async function handle(req, res) {
    const url = new URL(req.url || '/', 'http://127.0.0.1');
    const path = url.pathname;
    try {
      if (req.method === 'POST') {
        const post = posts[path];
        if (post) return await post(req, res, url);
        return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
      const get = gets[path];
      if (get) return await get(req, res, url);
      if (path.startsWith('/dist/')) return await serveFile(res, distDir, path.slice('/dist'.length));
      if (path.startsWith('/bundles/')) {
        const bundled = await sdkBundler.file(path.slice('/bundles/'.length));
        if (bundled.ok) return send(res, 200, bundled.code, 'text/javascript; charset=utf-8');
        return send(res, bundled.status, `throw new Error(${JSON.stringify(bundled.error)});`, 'text/javascript; charset=utf-8');
      }
      if (path.startsWith('/assets/')) return await serveFile(res, join(demoDir, 'assets'), path.slice('/assets'.length));
      if (path === '/spa/app.js') return await serveFile(res, join(demoDir, 'spa'), '/app.js');
      const language = /^\/lang\/(en|zh)$/.exec(path);
      if (language) {
        setLanguageCookie(res, /** @type {'en' | 'zh'} */ (language[1]));
        return redirect(res, safeLocalPath(url.searchParams.get('next')));
      }
      const page = /** @type {Record<string, string>} */ (PAGES)[path] ?? (path === '/spa' || path.startsWith('/spa/') ? 'spa' : null);
      if (page) return await renderPage(req, res, url, page);
      return await renderPage(req, res, url, 'notfound', 404);
    } catch (error) {
      const status = /** @type {{ status?: number }} */ (error).status || 500;
      if (!res.headersSent) send(res, status, status === 500 ? 'Internal error' : String(error), 'text/plain; charset=utf-8');
      if (status === 500) console.error(error);
    }
  };
}
