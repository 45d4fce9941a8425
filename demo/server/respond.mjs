/** Writing responses: every demo response is uncached, so a person always sees the live state. */

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string | Buffer} body
 * @param {string} type
 * @param {Record<string, string>} [headers]
 */
export function send(res, status, body, type, headers = {}) {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

/** @param {import('node:http').ServerResponse} res @param {unknown} data @param {number} [status] */
export function sendJson(res, data, status = 200) {
  send(res, status, JSON.stringify(data, null, 2), 'application/json; charset=utf-8');
}

/** 303 so a form POST is followed by a GET (no resubmission on reload). */
export function redirect(res, location, status = 303) {
  res.writeHead(status, { Location: location, 'Cache-Control': 'no-store' });
  res.end();
}

/** Only same-site paths, so `?next=` can never send a visitor elsewhere. */
export function safeLocalPath(value, fallback = '/') {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : fallback;
}
