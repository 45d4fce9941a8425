// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import { decide, type Signals } from '../../src/core/policy/decide';
import { decodeRecord } from '../../src/core/policy/record';
import { receiptOf } from '../../src/parts/receipts';
import { textsHash } from '../../src/core/policy/texts-hash';
import type { Choices } from '../../src/core/policy/types';
import { choiceParts } from '../../src/parts/choice-parts';
import { validateReceipt } from '../../src/node/receipts';
import { en } from '../../src/core/texts/en';

/**
 * Issue 19 §2 and §6: what a choice made for a visitor under the age threshold leaves behind. The cookie
 * (readable by any script the visitor granted) holds the effective grants and never the age group; the
 * receipt, sent to the site's own consent log, holds the age group, the guardian, the regime and the hash
 * of the texts shown, and the log stores them.
 */
const endpoint = 'https://example.com/consent-receipts';
const settings = validateConfig({
  minors: { ask: true },
  receipts: { endpoint },
  services: [{ id: 'ga', category: 'analytics' }],
  regions: { rules: [{ regions: ['US'], regime: 'opt-out' }] },
});
const signals = (region: string): Signals => ({ record: null, now: Date.now(), region, gpc: false, dnt: false });
const judgeAt = (region: string) => (record: Signals['record']) => decide(settings, { ...signals(region), record });
const all: Choices = { categories: { analytics: true, advertising: true }, services: { ga: true } };

let sent: unknown[] = [];
beforeEach(() => {
  sent = [];
  localStorage.clear();
  document.cookie.split(';').forEach((c) => (document.cookie = c.split('=')[0].trim() + '=; max-age=0; path=/'));
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => (sent.push(JSON.parse(init.body as string)), new Response('', { status: 204 }))),
  );
});
afterEach(() => vi.unstubAllGlobals());

const cookieValue = () =>
  decodeURIComponent(
    document.cookie
      .split('; ')
      .find((c) => c.startsWith('consentry='))!
      .split('=')[1],
  );

describe('a choice for a visitor under the threshold', () => {
  it.each([
    ['CN', 'opt-in'],
    ['DE', 'opt-in'],
    ['US', 'opt-out'],
  ])("%s without a guardian: 'Accept all' stores essential only, and the cookie says nothing of the age", async (region, regime) => {
    const state = decide(settings, signals(region));
    const returned = choiceParts.store(
      settings,
      { ...all, ageGroup: 'minor' },
      'accept-all',
      state,
      { via: 'banner', lang: 'en' },
      judgeAt(region),
    );
    const value = cookieValue();
    const stored = decodeRecord(value)!;
    expect(stored.categories).toEqual({ analytics: false, advertising: false });
    expect(stored.services).toEqual({ ga: false });
    expect(stored).toMatchObject({ regime, via: 'banner', lang: 'en' });
    expect(stored.ageGroup).toBeUndefined();
    expect(returned.ageGroup).toBeUndefined();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ ageGroup: 'minor', via: 'banner', regime, categories: { analytics: false, advertising: false } });
  });

  it("with a guardian's confirmation: granted, the cookie says neither guardian nor age, the receipt says both", async () => {
    const state = decide(settings, signals('CN'));
    const hash = textsHash(settings, 'zh', en, state.regime);
    const returned = choiceParts.store(
      settings,
      { ...all, ageGroup: 'minor' },
      'accept-all',
      state,
      { via: 'guardian', lang: 'zh', textsHash: hash },
      judgeAt('CN'),
    );
    const value = cookieValue();
    expect(value).not.toMatch(/\|m\||guardian/);
    const stored = decodeRecord(value)!;
    expect(stored.categories).toEqual({ analytics: true, advertising: true });
    expect(stored).toMatchObject({ regime: 'opt-in', lang: 'zh', textsHash: hash });
    expect(stored.via).toBeUndefined();
    // The page's state (Consentry.getState()) holds what the cookie holds.
    expect(returned).toEqual(stored);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const row = validateReceipt(sent[0], new Date(), null);
    expect(row).toMatchObject({ via: 'guardian', ageGroup: 'minor', regime: 'opt-in', language: 'zh', textsHash: hash });
    expect(row.categories).toEqual({ analytics: true, advertising: true });
  });
});

describe('the texts hash', () => {
  it('is short, stable, and changes with the texts, the language, the config and the regime', () => {
    const base = textsHash(settings, 'en', en, 'opt-in');
    expect(base).toMatch(/^[0-9a-z]{1,11}$/);
    expect(textsHash(settings, 'en', { ...en }, 'opt-in')).toBe(base);
    expect(textsHash(settings, 'en', { ...en, acceptAll: 'OK' }, 'opt-in')).not.toBe(base);
    expect(textsHash(settings, 'zh', en, 'opt-in')).not.toBe(base);
    expect(textsHash(settings, 'en', en, 'opt-out')).not.toBe(base);
    expect(textsHash({ ...settings, revision: 2 }, 'en', en, 'opt-in')).not.toBe(base);
  });

  it('goes into the receipt beside the revision', () => {
    const receipt = receiptOf({
      id: 'visitor-0001',
      time: Date.now(),
      revision: 4,
      categories: {},
      services: {},
      method: 'custom',
      expires: Date.now() + 1e9,
      textsHash: 'abc123',
      regime: 'opt-in',
    });
    expect(receipt).toMatchObject({ revision: 4, textsHash: 'abc123', regime: 'opt-in' });
  });
});
