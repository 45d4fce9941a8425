// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { receiptOf, sendReceipts } from '../../src/parts/receipts';
import type { ConsentRecord } from '../../src/core/policy/types';

const record: ConsentRecord = {
  id: 'visitor-0001',
  time: Date.UTC(2026, 10, 25),
  revision: 1,
  categories: { analytics: true, advertising: false },
  services: {},
  method: 'custom',
  expires: Date.UTC(2027, 4, 25),
  region: 'DE',
};
const queued = () => JSON.parse(localStorage.getItem('consentry:receipts') || '[]');

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('consent receipts', () => {
  it('describe the decision without any IP address', () => {
    const receipt = receiptOf(record);
    expect(receipt).toMatchObject({
      consentId: 'visitor-0001',
      revision: 1,
      method: 'custom',
      region: 'DE',
      categories: { analytics: true, advertising: false },
    });
    expect(receipt.time).toBe('2026-11-25T00:00:00.000Z');
    expect(JSON.stringify(receipt)).not.toMatch(/\bip\b/i);
  });

  it('collect nothing needless: no query string or fragment, the browser as family and major version', () => {
    history.replaceState(null, '', '/checkout/step-2?email=jane%40example.com&token=abc#pay');
    vi.stubGlobal('navigator', { ...navigator, userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' });
    const receipt = receiptOf(record);
    expect(receipt.url).toBe(location.origin + '/checkout/step-2');
    expect(receipt.userAgent).toBe('Firefox 133');
    expect(JSON.stringify(receipt)).not.toMatch(/jane|token|Linux|rv:/);
  });

  it('say where the choice was made, in which language, and whether a signal was overridden', () => {
    const receipt = receiptOf({ ...record, method: 'gpc', via: 'gpc', lang: 'zh' });
    expect(receipt).toMatchObject({ method: 'gpc', via: 'gpc', lang: 'zh' });
    expect(receiptOf({ ...record, via: 'dialog', signalOverride: true })).toMatchObject({ via: 'dialog', signalOverride: true });
  });

  it('leave the queue once the endpoint accepted them', async () => {
    const fetch = vi.fn(async () => new Response('', { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    await sendReceipts('/receipts', receiptOf(record));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(JSON.parse((fetch.mock.calls[0] as any)[1].body).consentId).toBe('visitor-0001');
    expect(queued()).toEqual([]);
  });

  it('stay queued while offline and are sent on the next page', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    vi.stubGlobal('navigator', { ...navigator, onLine: false, sendBeacon: vi.fn(() => true), userAgent: 'test' });
    await sendReceipts('/receipts', receiptOf(record));
    expect(queued()).toHaveLength(1);
    const fetch = vi.fn(async () => new Response('', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    await sendReceipts('/receipts');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(queued()).toEqual([]);
  });

  it('stay queued when the endpoint answers with an error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 503 })),
    );
    await sendReceipts('/receipts', receiptOf(record));
    expect(queued()).toHaveLength(1);
  });

  it('survive a corrupt queue and a throwing localStorage', async () => {
    localStorage.setItem('consentry:receipts', '{not json');
    const fetch = vi.fn(async () => new Response('', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    await sendReceipts('/receipts', receiptOf(record));
    expect(fetch).toHaveBeenCalledTimes(1);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    await expect(sendReceipts('/receipts', receiptOf(record))).resolves.toBeUndefined();
  });
});
