import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readReceipt } from '../../demo/server/receipt-shape.mjs';
import { createReceiptStore, MAX_RECEIPTS } from '../../demo/server/receipt-store.mjs';
import { receiptRowsView } from '../../demo/server/views.mjs';

// The demo's receipt endpoint (issue 24 #14): shapes checked on the way in, a page that cannot be made
// to throw, and a log that appends instead of rewriting itself on every POST.
const receipt = {
  consentId: 'c0ffee-0001',
  time: '2025-11-25T10:00:00.000Z',
  revision: 1,
  categories: { essential: true, analytics: false },
  services: { maps: true },
  method: 'custom',
  region: 'DE',
  url: 'https://shop.example/pricing',
  userAgent: 'test',
};
const texts = { receiptsEmpty: 'No receipts yet' };
let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));
const freshDir = () => (dir = mkdtempSync(join(tmpdir(), 'consentry-receipts-')));
const linesOf = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

describe('readReceipt', () => {
  it('takes what the SDK sends, known fields only', () => {
    expect(readReceipt(receipt)).toEqual({ receipt });
    expect(readReceipt({ ...receipt, region: null, extra: { toString: 1 } })).toEqual({ receipt: { ...receipt, region: null } });
  });

  it.each([
    ['an object where text belongs', { ...receipt, region: { toString: 1 } }, '"region"'],
    ['a non-boolean choice', { ...receipt, categories: { analytics: 'yes' } }, '"categories"'],
    ['choices as an array', { ...receipt, services: [true] }, '"services"'],
    ['no consent id', { ...receipt, consentId: undefined }, '"consentId"'],
    ['an empty consent id', { ...receipt, consentId: '' }, '"consentId"'],
    ['an oversized url', { ...receipt, url: 'https://x/' + 'a'.repeat(3000) }, '"url"'],
    ['a negative revision', { ...receipt, revision: -1 }, '"revision"'],
    ['an array', [receipt], 'JSON object'],
    ['null', null, 'JSON object'],
  ])('refuses %s', (_label, value, named) => {
    const read = readReceipt(value);
    expect('error' in read && read.error).toContain(named);
  });

  it('reads only own fields: an inherited consentId is none', () => {
    const inherited = Object.assign(Object.create({ consentId: 'x' }), { categories: {} });
    expect('error' in readReceipt(inherited)).toBe(true);
  });
});

describe('the receipts page', () => {
  it('renders whatever a stored entry holds without throwing, as text', () => {
    const hostile = {
      receivedAt: { toString: 1 },
      receipt: { consentId: { toString: 1 }, region: { toString: 1 }, method: ['<b>'], categories: 'x', url: 7 },
    };
    const html = receiptRowsView(texts, [hostile, { receivedAt: '2025-11-25T10:00:00.000Z', receipt }]);
    expect(html).toContain('<code>c0ffee-0001</code>');
    expect(html).toContain('<td>—</td>');
    expect(html).not.toContain('<b>');
  });
});

describe('the receipt store', () => {
  it('appends one line per receipt and never rewrites what is there', async () => {
    const store = createReceiptStore({ dir: freshDir() });
    await store.add(receipt);
    const before = readFileSync(store.file, 'utf8');
    await store.add({ ...receipt, consentId: 'second' });
    const after = readFileSync(store.file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(linesOf(store.file)).toHaveLength(2);
    expect(JSON.parse(linesOf(store.file)[1]).receipt.consentId).toBe('second');
    expect((await store.list()).map((entry) => entry.receipt.consentId)).toEqual(['c0ffee-0001', 'second']);
  });

  it('stays bounded: the file is cut back to the newest receipts once it holds twice as many', async () => {
    const store = createReceiptStore({ dir: freshDir() });
    for (let i = 0; i < 2 * MAX_RECEIPTS + 5; i++) await store.add({ ...receipt, consentId: 'r' + i });
    const lines = linesOf(store.file);
    expect(lines.length).toBe(MAX_RECEIPTS + 5);
    const listed = await store.list();
    expect(listed).toHaveLength(MAX_RECEIPTS);
    expect(listed.at(-1)!.receipt.consentId).toBe('r' + (2 * MAX_RECEIPTS + 4));
    expect(listed[0].receipt.consentId).toBe('r' + (MAX_RECEIPTS + 5));
  });

  it('skips, on the next start, a torn line and a line that is not a receipt', async () => {
    const first = createReceiptStore({ dir: freshDir() });
    await first.add(receipt);
    appendFileSync(
      first.file,
      JSON.stringify({ receivedAt: 'x', receipt: { ...receipt, region: { toString: 1 } } }) + '\n{"receivedAt":"2025-',
    );
    const second = createReceiptStore({ dir });
    expect((await second.list()).map((entry) => entry.receipt.consentId)).toEqual(['c0ffee-0001']);
    await second.add({ ...receipt, consentId: 'after' });
    expect((await createReceiptStore({ dir }).list()).map((entry) => entry.receipt.consentId)).toEqual(['c0ffee-0001', 'after']);
  });

  it('starts empty without a file', async () => {
    const store = createReceiptStore({ dir: join(freshDir(), 'not-yet') });
    expect(await store.list()).toEqual([]);
  });
});
