import { PIXEL_GIF, sendTrackerFile } from './tracker-assets.mjs';
import { send } from './respond.mjs';

/**
 * "Northstar Analytics": plays gtag.js and Baidu Tongji. Its script writes `_ga`, `_ga_<id>`,
 * `Hm_lvt_<site>`/`Hm_lpvt_<site>` as first-party cookies and a localStorage key, then reports the
 * page view twice, as those tags do: a sendBeacon POST and an image request.
 * @type {import('./tracker-server.mjs').TrackerDefinition}
 */
export const analyticsProvider = {
  name: 'analytics',
  route(pathname) {
    return ROUTES[pathname];
  },
};

/** @type {Record<string, import('./tracker-server.mjs').TrackerRoute>} */
const ROUTES = {
  '/ns.js': {
    kind: 'script',
    handle: (_req, res, _url, { origin }) => sendTrackerFile(res, 'analytics/ns.js', 'text/javascript; charset=utf-8', { ORIGIN: origin }),
  },
  '/g/collect': {
    kind: 'beacon',
    handle: (_req, res) => send(res, 204, '', 'text/plain'),
  },
  '/hm.gif': {
    kind: 'pixel',
    handle: (_req, res) => send(res, 200, PIXEL_GIF, 'image/gif'),
  },
};
