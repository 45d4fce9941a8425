import { describe, expect, test } from 'vitest';
import { parseCookieWrite } from '../../src/core/cookies/cookie-write';

const NOW = Date.UTC(2026, 0, 1);

describe('parseCookieWrite', () => {
  test('reads the name, trimmed', () => {
    expect(parseCookieWrite('_ga=GA1.2.3; path=/; domain=.example.com', NOW)).toEqual({ name: '_ga', deletion: false });
    expect(parseCookieWrite('  Hm_lvt_abc =1', NOW)).toEqual({ name: 'Hm_lvt_abc', deletion: false });
    expect(parseCookieWrite('x=a=b', NOW).name).toBe('x');
  });

  test('a pair without "=" is a cookie with an empty name', () => {
    expect(parseCookieWrite('justavalue; path=/', NOW)).toEqual({ name: '', deletion: false });
  });

  test('Max-Age <= 0 deletes; a positive one does not', () => {
    expect(parseCookieWrite('_ga=; max-age=0', NOW).deletion).toBe(true);
    expect(parseCookieWrite('_ga=; Max-Age=-1; path=/', NOW).deletion).toBe(true);
    expect(parseCookieWrite('_ga=1; max-age=3600', NOW).deletion).toBe(false);
  });

  test('Expires in the past deletes; in the future does not', () => {
    expect(parseCookieWrite('_ga=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/', NOW).deletion).toBe(true);
    expect(parseCookieWrite('_ga=1; expires=Fri, 01 Jan 2100 00:00:00 GMT', NOW).deletion).toBe(false);
  });

  test('Max-Age wins over Expires, as in browsers', () => {
    expect(parseCookieWrite('_ga=1; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=60', NOW).deletion).toBe(false);
    expect(parseCookieWrite('_ga=1; max-age=0; expires=Fri, 01 Jan 2100 00:00:00 GMT', NOW).deletion).toBe(true);
  });

  test('an invalid Max-Age or Expires is ignored', () => {
    expect(parseCookieWrite('_ga=1; max-age=soon', NOW).deletion).toBe(false);
    expect(parseCookieWrite('_ga=1; max-age=', NOW).deletion).toBe(false);
    expect(parseCookieWrite('_ga=1; expires=never', NOW).deletion).toBe(false);
  });
});
