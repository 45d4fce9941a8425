import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord } from '../../src/core/policy/record';
import type { ConsentRecord } from '../../src/core/policy/types';

const record: ConsentRecord = {
  id: 'AbCdEfGhIjKlMnOpQrStUv',
  time: 1764000000000,
  revision: 3,
  categories: { analytics: true, advertising: false },
  services: { ga: false },
  method: 'custom',
  expires: 1764000000000 + 182 * 864e5,
  region: 'US-CA',
  ageGroup: 'adult',
  crossBorder: false,
};

describe('consent record', () => {
  it('round-trips every field', () => {
    expect(decodeRecord(encodeRecord(record))).toEqual(record);
  });

  it('is compact and cookie-safe without escaping', () => {
    const value = encodeRecord(record);
    expect(value).toMatch(/^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]+$/);
    expect(value.length).toBeLessThan(120);
  });

  it('omits optional fields when absent', () => {
    const { region, ageGroup, crossBorder, ...minimal } = record;
    expect(decodeRecord(encodeRecord(minimal))).toEqual(minimal);
  });

  it('round-trips where the choice was made, its language and a signal override', () => {
    const full: ConsentRecord = { ...record, via: 'dialog', lang: 'zh', signalOverride: true };
    expect(decodeRecord(encodeRecord(full))).toEqual(full);
    for (const via of ['banner', 'dialog', 'placeholder', 'api', 'gpc', 'dnt'] as const)
      expect(decodeRecord(encodeRecord({ ...record, via }))?.via).toBe(via);
  });

  it('still reads a cookie written before via, lang and signalOverride existed (11 fields)', () => {
    const old = '1|AbCdEfGhIjKlMnOpQrStUv|midc1z40|3|analytics.!advertising|!ga|c|mple70g0|US-CA|a|0';
    expect(decodeRecord(old)).toEqual(record);
  });

  it.each([
    ['unknown via', encodeRecord({ ...record, via: 'banner' }).replace(/\|b\|\|$/, '|q||')],
    ['bad language', encodeRecord({ ...record, via: 'banner' }).replace(/\|b\|\|$/, '|b|ZH-x|')],
    ['bad override flag', encodeRecord({ ...record, via: 'banner' }).replace(/\|b\|\|$/, '|b||yes')],
    ['12 fields', encodeRecord(record).replace(/\|\|\|$/, '|b')],
  ])('treats a value with %s as no consent', (_, value) => {
    expect(value).not.toBe(encodeRecord(record));
    expect(decodeRecord(value)).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['foreign', 'true'],
    ['other version', encodeRecord(record).replace(/^1/, '2')],
    ['truncated', encodeRecord(record).slice(0, -6)],
    ['unknown method', encodeRecord(record).replace('|c|', '|z|')],
    ['bad category id', encodeRecord(record).replace('analytics', 'Ana lytics')],
    ['proto key', encodeRecord(record).replace('analytics', '__proto__')],
    ['expired before made', encodeRecord({ ...record, expires: record.time - 1 })],
    ['oversized', encodeRecord(record) + '.x'.repeat(2000)],
    ['extra field', encodeRecord(record) + '|x'],
  ])('treats a %s value as no consent', (_, value) => {
    expect(decodeRecord(value)).toBeNull();
  });

  it('never throws on 100,000 random values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.anything()), (value) => {
        const decoded = decodeRecord(value);
        expect(decoded === null || typeof decoded === 'object').toBe(true);
      }),
      { numRuns: 100_000 },
    );
  }, 60_000);

  it('never throws on mutations of a valid value', () => {
    const valid = encodeRecord(record);
    fc.assert(
      fc.property(fc.nat(valid.length - 1), fc.string({ maxLength: 4 }), (at, insert) => {
        const decoded = decodeRecord(valid.slice(0, at) + insert + valid.slice(at + 1));
        if (decoded) expect(Object.getPrototypeOf(decoded.categories)).toBe(Object.prototype);
      }),
      { numRuns: 20_000 },
    );
  }, 60_000);
});

describe('revisions at the limits the validator allows (issue 24 #6)', () => {
  it.each([0, 1, 999999999, 1764000000, 2147483647])('reads back revision %d', (revision) => {
    expect(decodeRecord(encodeRecord({ ...record, revision }))?.revision).toBe(revision);
  });

  it.each([2147483648, 9999999999, 10000000000])('refuses revision %d, which no valid config can have', (revision) => {
    expect(decodeRecord(encodeRecord({ ...record, revision }))).toBeNull();
  });
});
