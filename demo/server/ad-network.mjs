import { randomBytes } from 'node:crypto';
import { parseCookies, serializeCookie } from './cookies.mjs';
import { PIXEL_GIF, sendTrackerFile } from './tracker-assets.mjs';
import { send } from './respond.mjs';

/** The ad network's own cookie, set on every response like DoubleClick's IDE. */
export const AD_NETWORK_COOKIE = 'IDE';
const YEAR = 390 * 24 * 3600;

/**
 * "Adpulse": plays an ad network (Meta pixel + DoubleClick). Its script writes `_fbp` and `_gcl_au`,
 * fires a 1×1 pixel, and fills `[data-adpulse-slot]` elements with an ad iframe.
 * @type {import('./tracker-server.mjs').TrackerDefinition}
 */
export const adNetwork = {
  name: 'ads',
  route(pathname) {
    return ROUTES[pathname];
  },
};

/** @param {import('node:http').IncomingMessage} req */
function idCookie(req) {
  const id = parseCookies(req.headers.cookie)[AD_NETWORK_COOKIE] || 'AHWqTU' + randomBytes(18).toString('base64url');
  return { 'Set-Cookie': serializeCookie(AD_NETWORK_COOKIE, id, { maxAge: YEAR }) };
}

/** @type {Record<string, import('./tracker-server.mjs').TrackerRoute>} */
const ROUTES = {
  '/ads.js': {
    kind: 'script',
    handle: (req, res, _url, { origin }) =>
      sendTrackerFile(res, 'ads/ads.js', 'text/javascript; charset=utf-8', { ORIGIN: origin }, idCookie(req)),
  },
  '/px.gif': {
    kind: 'pixel',
    handle: (req, res) => send(res, 200, PIXEL_GIF, 'image/gif', idCookie(req)),
  },
  '/frame': {
    kind: 'iframe',
    handle: (req, res, url) =>
      sendTrackerFile(
        res,
        'ads/frame.html',
        'text/html; charset=utf-8',
        { SLOT: url.searchParams.get('slot') || 'default' },
        idCookie(req),
      ),
  },
};
