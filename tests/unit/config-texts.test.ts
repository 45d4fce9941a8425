/**
 * Issue 20: a misspelt text key used to be accepted and silently ignored (the built-in text stayed). Every
 * key of `texts.<language>` is now one the SDK shows, or a problem with a "did you mean" hint.
 */
import { describe, expect, it } from 'vitest';
import type { ConfigError } from '../../src/core/config/errors';
import schema from '../../src/core/config/schema.json';
import { TEXT_KEYS } from '../../src/core/config/text-keys';
import { validateConfig } from '../../src/core/config/validate';
import { PACK_KEYS } from '../../src/core/texts/pack-keys';

const problemsOf = (config: unknown) => {
  try {
    validateConfig(config, () => {});
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('text keys', () => {
  it('are exactly the keys the language packs carry, and the keys schema.json lists', () => {
    expect([...TEXT_KEYS].sort()).toEqual([...PACK_KEYS].sort());
    expect(Object.keys(schema.definitions.Texts.properties).sort()).toEqual([...TEXT_KEYS].sort());
    expect(schema.definitions.Texts.additionalProperties).toBe(false);
  });

  it('accepts every known key, in any language', () => {
    const texts = Object.fromEntries(TEXT_KEYS.map((key) => [key, 'x']));
    expect(problemsOf({ texts: { en: texts, 'zh-Hans': texts } })).toEqual([]);
  });

  it('refuses a misspelt key, naming it and the key it is close to', () => {
    expect(problemsOf({ texts: { en: { bannerTitel: 'Hi' }, de: { acceptall: 'Alle akzeptieren', rejectAll: 'Ablehnen' } } })).toEqual([
      { path: 'texts.en.bannerTitel', message: 'is not a known key; did you mean "bannerTitle"?' },
      { path: 'texts.de.acceptall', message: 'is not a known key; did you mean "acceptAll"?' },
    ]);
  });

  it('refuses a key of its own, and keys that reach Object.prototype', () => {
    expect(problemsOf({ texts: { en: { marketingTitle: 'Marketing' } } })).toEqual([
      { path: 'texts.en.marketingTitle', message: 'is not a known key' },
    ]);
    const hostile = JSON.parse('{"texts":{"en":{"__proto__":"x","constructor":"y","toString":"z"}}}');
    expect(problemsOf(hostile).map((problem) => problem.path)).toEqual(['texts.en.__proto__', 'texts.en.constructor', 'texts.en.toString']);
  });
});
