import { browserFamily } from '../core/policy/browser-family';
import type { ConsentRecord } from '../core/policy/types';
import { RECEIPTS_KEY } from '../core/storage-keys';

/**
 * What the consent-receipt endpoint receives. No IP address is collected on the client, the page's
 * address goes without its query string or fragment (they may carry identifiers), and the browser only
 * as its family and major version.
 */
export interface Receipt {
  consentId: string;
  time: string;
  revision: number;
  categories: { [id: string]: boolean };
  services: { [id: string]: boolean };
  method: string;
  region: string | null;
  ageGroup?: string;
  crossBorder?: boolean;
  /** Where the choice was made: banner, dialog, placeholder, api, gpc or dnt. */
  via?: string;
  /** Language of the texts the visitor was shown. */
  lang?: string;
  /** The visitor overrode their browser's opt-out preference signal, after being told so. */
  signalOverride?: boolean;
  /** Origin and path only. */
  url: string;
  /** Browser family and major version, e.g. "Firefox 133". */
  userAgent: string;
}

const MAX_QUEUED = 50;

export function receiptOf(record: ConsentRecord): Receipt {
  return {
    consentId: record.id,
    time: new Date(record.time).toISOString(),
    revision: record.revision,
    categories: record.categories,
    services: record.services,
    method: record.method,
    region: record.region || null,
    ageGroup: record.ageGroup,
    crossBorder: record.crossBorder,
    via: record.via,
    lang: record.lang,
    signalOverride: record.signalOverride,
    url: location.origin + location.pathname,
    userAgent: browserFamily(navigator.userAgent),
  };
}

function readQueue(): Receipt[] {
  try {
    const queue = JSON.parse(localStorage.getItem(RECEIPTS_KEY) || '[]');
    return Array.isArray(queue) ? queue : [];
  } catch {
    return [];
  }
}

function writeQueue(queue: Receipt[]) {
  try {
    if (queue.length) localStorage.setItem(RECEIPTS_KEY, JSON.stringify(queue.slice(-MAX_QUEUED)));
    else localStorage.removeItem(RECEIPTS_KEY);
  } catch {
    /* storage full or disabled: the receipt is sent now or not at all */
  }
}

async function deliver(endpoint: string, receipt: Receipt): Promise<boolean> {
  const body = JSON.stringify(receipt);
  try {
    // fetch tells us whether the endpoint took it, so a receipt leaves the queue only once delivered.
    const response = await fetch(endpoint, {
      method: 'POST',
      body,
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
    });
    return response.ok;
  } catch {
    // Offline or blocked; sendBeacon's answer means only "queued", so trust it only when online.
    return navigator.onLine !== false && navigator.sendBeacon?.(endpoint, new Blob([body], { type: 'application/json' })) === true;
  }
}

/**
 * Queue first, then send everything queued: a receipt that cannot be delivered now (offline, endpoint
 * down) is retried on the next page view.
 */
export async function sendReceipts(endpoint: string, receipt?: Receipt): Promise<void> {
  const queue = readQueue();
  if (receipt) writeQueue([...queue, receipt]);
  const pending = receipt ? [...queue, receipt] : queue;
  if (!pending.length) return;
  const failed: Receipt[] = [];
  for (const item of pending) if (!(await deliver(endpoint, item))) failed.push(item);
  // Receipts queued by another tab meanwhile are kept too.
  const sent = pending.filter((item) => !failed.includes(item));
  writeQueue(readQueue().filter((item) => !sent.some((s) => s.consentId === item.consentId && s.time === item.time)));
}
