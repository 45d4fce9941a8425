import { createAdminAuth } from './admin-auth';
import { loginPage, searchPage } from './admin-page';
import { truncateAddress } from './client-address';
import { exportLines, type ExportFormat } from './export-formats';
import { BodyTooLargeError, type ServiceRequest, type ServiceResponse } from './http-types';
import { createRateLimiter, type RateLimitOptions } from './rate-limit';
import type { ReceiptStore } from './receipt-store';
import type { ReceiptQuery } from './types';
import { ReceiptError, validateReceipt } from './validate-receipt';
import { createWriteQueue, QueueFullError, type WriteQueueOptions } from './write-queue';

export interface ReceiptsServiceOptions {
  store: ReceiptStore;
  /** Where the SDK posts receipts (`receipts.endpoint`); the admin page is under `<path>/admin`. Default "/consent-receipts". */
  path?: string;
  /** Largest body accepted, in bytes (default 8 KiB; a receipt is well under 1 KiB). */
  maxBytes?: number;
  /** Per-client token bucket, or false to turn it off (e.g. behind a proxy that already limits). */
  rateLimit?: RateLimitOptions | false;
  /** Store the client's address, truncated to /24 (IPv4) or /48 (IPv6). Off by default. */
  storeClientAddress?: boolean;
  /** Delete receipts older than this many months (checked at start and every 6 hours). Default: keep all. */
  retentionMonths?: number | null;
  /** Enables the admin page (search, export) for whoever presents this token. */
  adminToken?: string | null;
  /** Batching: how long to wait and how many to gather before one transaction. */
  batch?: WriteQueueOptions;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';
const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};
const RETENTION_CHECK_MS = 6 * 3600 * 1000;

const json = (status: number, value: unknown, headers: { [name: string]: string } = {}): ServiceResponse => ({
  status,
  headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(value),
});
const html = (status: number, body: string, headers: { [name: string]: string } = {}): ServiceResponse => ({
  status,
  headers: { 'content-type': HTML_TYPE, ...SECURITY_HEADERS, ...headers },
  body,
});

/** The cutoff for a retention of `months`: the same day of the month, that many months back (UTC). */
export function retentionCutoff(months: number, now = new Date()): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/** Filters from the admin form or an export URL; a date alone means midnight UTC. */
function queryFrom(search: URLSearchParams): ReceiptQuery {
  const query: ReceiptQuery = {};
  const consentId = search.get('consentId')?.trim();
  if (consentId) query.consentId = consentId;
  for (const name of ['from', 'to'] as const) {
    const text = search.get(name)?.trim();
    if (!text) continue;
    if (Number.isNaN(Date.parse(text))) throw new ReceiptError(`"${name}" is not a date`);
    query[name] = new Date(text);
  }
  const revision = search.get('revision')?.trim();
  if (revision) {
    if (!/^\d{1,9}$/.test(revision)) throw new ReceiptError('"revision" is not a whole number');
    query.revision = Number(revision);
  }
  return query;
}

/**
 * The receipts service behind every adapter: takes receipts in (validated, size-capped, rate-limited,
 * acknowledged after commit), and serves the admin page and exports. Answers null for a path it does not own.
 */
export function createReceiptsService(options: ReceiptsServiceOptions) {
  const { store, maxBytes = 8 * 1024, storeClientAddress = false, retentionMonths = null, adminToken = null } = options;
  const path = (options.path ?? '/consent-receipts').replace(/\/+$/, '') || '';
  const adminPath = `${path}/admin`;
  const limiter = options.rateLimit === false ? null : createRateLimiter(options.rateLimit);
  const queue = createWriteQueue(store.append, options.batch);
  const auth = adminToken ? createAdminAuth(adminToken) : null;
  let closed = false;

  async function applyRetention() {
    if (!retentionMonths) return null;
    try {
      return await store.prune(retentionCutoff(retentionMonths));
    } catch (error) {
      console.warn(`consentry receipts: retention could not prune (${(error as Error).message}); will try again`);
      return null;
    }
  }
  const retention = retentionMonths ? applyRetention() : Promise.resolve(null);
  const retentionTimer = retentionMonths ? setInterval(applyRetention, RETENTION_CHECK_MS) : null;
  (retentionTimer as { unref?: () => void } | null)?.unref?.();

  async function ingest(request: ServiceRequest): Promise<ServiceResponse> {
    if (closed) return json(503, { error: 'The receipts service is shutting down; retry later' }, { 'retry-after': '5' });
    const client = request.clientAddress || 'unknown';
    if (limiter && !limiter.take(client)) {
      return json(429, { error: 'Too many receipts from this client; retry later' }, { 'retry-after': String(limiter.retryAfter(client)) });
    }
    const declared = Number(request.header('content-length'));
    if (declared > maxBytes) return json(413, { error: `A receipt is at most ${maxBytes} bytes` }, { connection: 'close' });
    let bodyText: string;
    try {
      bodyText = new TextDecoder('utf-8', { fatal: true }).decode(await request.body(maxBytes));
    } catch (error) {
      if (error instanceof BodyTooLargeError)
        return json(413, { error: `A receipt is at most ${maxBytes} bytes` }, { connection: 'close' });
      if (error instanceof TypeError) return json(400, { error: 'Body must be UTF-8 JSON' });
      throw error;
    }
    let body: unknown;
    try {
      body = JSON.parse(bodyText);
    } catch {
      return json(400, { error: 'Body must be JSON' });
    }
    let row;
    try {
      row = validateReceipt(body, new Date(), storeClientAddress ? truncateAddress(request.clientAddress) : null);
    } catch (error) {
      if (error instanceof ReceiptError) return json(422, { error: `Not a consent receipt: ${error.message}` });
      throw error;
    }
    try {
      const stored = await queue.add(row);
      return json(202, { ok: true, seq: stored.seq });
    } catch (error) {
      // Not stored: the SDK keeps the receipt queued and sends it again on a later page view.
      if (!(error instanceof QueueFullError))
        console.warn(`consentry receipts: a batch could not be written (${(error as Error).message})`);
      return json(503, { error: 'Receipt not stored; retry later' }, { 'retry-after': '5' });
    }
  }

  async function admin(request: ServiceRequest, subpath: string): Promise<ServiceResponse | null> {
    if (!auth) return null;
    const secure = request.header('x-forwarded-proto') === 'https' || /^https:/i.test(request.header('origin') || '');
    if (subpath === '/login' && request.method === 'POST') {
      let token: string | null = null;
      try {
        token = new URLSearchParams(new TextDecoder().decode(await request.body(4096))).get('token');
      } catch {
        /* too large: not a token */
      }
      if (!(await auth.tokenMatches(token))) return html(401, loginPage(`${adminPath}/login`, true));
      return {
        status: 303,
        headers: { location: adminPath, 'set-cookie': await auth.cookie(adminPath, secure), 'cache-control': 'no-store' },
        body: '',
      };
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return json(405, { error: 'Method not allowed' }, { allow: 'GET' });
    if (!(await auth.isSignedIn(request.header('authorization'), request.header('cookie')))) {
      return html(401, loginPage(`${adminPath}/login`, false));
    }
    let query: ReceiptQuery;
    try {
      query = queryFrom(request.query);
    } catch (error) {
      if (subpath === '/export') return json(400, { error: (error as Error).message });
      return html(
        400,
        searchPage({ adminPath, query: {}, filters: request.query, receipts: [], total: 0, error: (error as Error).message }),
      );
    }
    if (subpath === '/export') {
      const format: ExportFormat = request.query.get('format') === 'csv' ? 'csv' : 'jsonl';
      const stamp = new Date().toISOString().slice(0, 10);
      return {
        status: 200,
        headers: {
          'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
          'content-disposition': `attachment; filename="consent-receipts-${stamp}.${format}"`,
          ...SECURITY_HEADERS,
        },
        body: exportLines(store.each(query), format),
      };
    }
    if (subpath !== '') return null;
    const [receipts, total] = await Promise.all([store.find({ ...query, limit: 200 }), store.count(query)]);
    return html(200, searchPage({ adminPath, query, filters: request.query, receipts, total }));
  }

  return {
    store,
    path,
    /** A response, or null when the path is not the service's (adapters pass it on). */
    async handle(request: ServiceRequest): Promise<ServiceResponse | null> {
      if (request.path === path || (path === '' && request.path === '/')) {
        if (request.method === 'POST') return ingest(request);
        return json(405, { error: 'POST a receipt here' }, { allow: 'POST' });
      }
      if (request.path === adminPath || request.path.startsWith(adminPath + '/'))
        return admin(request, request.path.slice(adminPath.length));
      return null;
    },
    /** Resolves with the first retention run (null when there is no retention policy). */
    retention,
    applyRetention,
    /** Writes what is waiting, stops timers; the store stays open (its owner closes it). */
    async close() {
      closed = true;
      if (retentionTimer) clearInterval(retentionTimer);
      await queue.drain();
    },
  };
}

export type ReceiptsService = ReturnType<typeof createReceiptsService>;
