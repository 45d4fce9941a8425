import { describe, expect, test } from 'vitest';
import { parseCookieDate } from '../../src/core/cookies/cookie-date';
import { parseCookieWrite } from '../../src/core/cookies/cookie-write';

const NOW = Date.UTC(2026, 0, 1);

describe('parseCookieDate (RFC 6265 §5.1.1, as browsers read Expires)', () => {
  test('the usual formats', () => {
    expect(parseCookieDate('Thu, 01 Jan 1970 00:00:00 GMT')).toBe(0);
    expect(parseCookieDate('Fri, 01 Jan 2100 00:00:00 GMT')).toBe(Date.UTC(2100, 0, 1));
    expect(parseCookieDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseCookieDate('Sun Nov  6 08:49:37 1994')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseCookieDate('6 november 2030 1:2:3')).toBe(Date.UTC(2030, 10, 6, 1, 2, 3));
  });

  test('two-digit years: 70-99 are 19xx, 00-69 are 20xx', () => {
    expect(parseCookieDate('01 Jan 69 00:00:00')).toBe(Date.UTC(2069, 0, 1));
    expect(parseCookieDate('01 Jan 70 00:00:00')).toBe(Date.UTC(1970, 0, 1));
  });

  test('what Date.parse reads as a date but a browser ignores', () => {
    for (const text of [
      '0',
      '-1',
      '1',
      'never',
      '',
      '2020-01-01',
      'Thu, 01 Jan 1970',
      '01 Jan 1970 24:00:00',
      '30 Feb 2030 00:00:00',
      '01 Jan 1600 00:00:00',
    ]) {
      expect(parseCookieDate(text), text).toBeNull();
    }
    expect(Date.parse('0')).toBeLessThan(NOW);
  });
});

describe("parseCookieWrite with the browser's dates", () => {
  test('expires=0 and expires=-1 are no deletion: the browser keeps a session cookie', () => {
    expect(parseCookieWrite('_ga=1; expires=0; path=/', NOW).deletion).toBe(false);
    expect(parseCookieWrite('_fbc=1; expires=-1', NOW).deletion).toBe(false);
  });

  test('an unreadable Expires after a valid one leaves the valid one', () => {
    expect(parseCookieWrite('_ga=; expires=Thu, 01 Jan 1970 00:00:00 GMT; expires=0', NOW).deletion).toBe(true);
  });
});
