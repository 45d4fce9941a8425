import { randomBytes } from 'node:crypto';
import { parseCookies, serializeCookie } from './cookies.mjs';
import { sendTrackerFile } from './tracker-assets.mjs';

/**
 * "Streamly" video and "Atlas" maps: iframe pages that, like YouTube and Google Maps embeds, set the
 * provider's visitor cookies as soon as they load.
 * @type {import('./tracker-server.mjs').TrackerDefinition}
 */
export const embedProvider = {
  name: 'embed',
  route(pathname) {
    if (pathname.startsWith('/video/embed/')) return VIDEO;
    if (pathname === '/maps/embed') return MAP;
    return undefined;
  },
};

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {Array<[string, number | undefined]>} cookies name and max-age (undefined = session)
 */
function visitorCookies(req, cookies) {
  const sent = parseCookies(req.headers.cookie);
  return cookies.map(([name, maxAge]) => serializeCookie(name, sent[name] || randomBytes(12).toString('base64url'), { maxAge }));
}

/** @type {import('./tracker-server.mjs').TrackerRoute} */
const VIDEO = {
  kind: 'iframe',
  handle: (req, res, url) => {
    const id = decodeURIComponent(url.pathname.slice('/video/embed/'.length)) || 'unknown';
    res.setHeader(
      'Set-Cookie',
      visitorCookies(req, [
        ['YSC', undefined],
        ['VISITOR_INFO1_LIVE', 180 * 86400],
      ]),
    );
    return sendTrackerFile(res, 'embed/video.html', 'text/html; charset=utf-8', {
      VIDEO_ID: id,
      TITLE: url.searchParams.get('title') || 'Video',
    });
  },
};

/** @type {import('./tracker-server.mjs').TrackerRoute} */
const MAP = {
  kind: 'iframe',
  handle: (req, res, url) => {
    res.setHeader('Set-Cookie', visitorCookies(req, [['NID', 183 * 86400]]));
    return sendTrackerFile(res, 'embed/map.html', 'text/html; charset=utf-8', {
      QUERY: url.searchParams.get('q') || '',
    });
  },
};
