import { createServer } from 'node:http';
import { pageOfHit } from './hit-log.mjs';
import { send } from './respond.mjs';

/**
 * @typedef {import('./hit-log.mjs').TrackerName} TrackerName
 * @typedef {import('./hit-log.mjs').HitKind} HitKind
 * @typedef {{ origin: string }} TrackerContext
 * @typedef {{
 *   kind: HitKind,
 *   handle(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL, context: TrackerContext): void | Promise<void>,
 * }} TrackerRoute
 * @typedef {{ name: TrackerName, route(pathname: string): TrackerRoute | undefined }} TrackerDefinition
 * @typedef {{ tracker: TrackerDefinition, hits: ReturnType<typeof import('./hit-log.mjs').createHitLog> }} TrackerServerOptions
 */

/**
 * One fake third party on its own loopback origin. Every request is recorded before it is answered,
 * including ones to paths the tracker does not know, so nothing slips past the tests.
 * @param {TrackerServerOptions} options
 */
export function createTrackerServer({ tracker, hits }) {
  /** @type {TrackerContext} */
  const context = { origin: '' };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url || '/', context.origin || 'http://127.0.0.1');
    const route = tracker.route(url.pathname);
    const referer = String(req.headers.referer || '');
    hits.record({
      tracker: tracker.name,
      kind: route ? route.kind : 'other',
      method: req.method || 'GET',
      path: url.pathname + url.search,
      referer,
      page: pageOfHit(url, referer),
    });
    req.resume();
    if (!route) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    try {
      await route.handle(req, res, url, context);
    } catch (error) {
      send(res, 500, String(error), 'text/plain; charset=utf-8');
    }
  });
  return { server, context };
}
