// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { resolveLanguage } from '../../src/loader/language';

afterEach(() => document.documentElement.removeAttribute('lang'));

describe('resolveLanguage', () => {
  it('takes the config first', () => {
    document.documentElement.lang = 'de';
    expect(resolveLanguage('zh')).toBe('zh');
  });
  it('then <html lang>, keeping the primary subtag only', () => {
    document.documentElement.lang = 'zh-Hans-CN';
    expect(resolveLanguage('auto')).toBe('zh');
  });
  it('then the browser', () => {
    expect(resolveLanguage('auto')).toBe(navigator.language.slice(0, 2).toLowerCase());
  });
});
