import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Texts } from '../../src/config/types';
import { en } from '../../src/ui/i18n/en';
import { PAGE_TEXTS } from '../../src/ui/i18n/page-texts';

/** Every key a pack should translate: the UI's and the loader's. Typed, so a key missing from both fails to compile. */
const ENGLISH: Texts = { ...en, ...PAGE_TEXTS.en };

const DIR = join(process.cwd(), 'src/ui/i18n/packs');
const LANGS = readdirSync(DIR).map((file) => file.replace(/\.ts$/, ''));
const placeholders = (text: string) => (text.match(/\{\w+\}/g) || []).sort();

describe('language packs', () => {
  it('cover at least the issue languages and Arabic', () => {
    expect(LANGS).toEqual(expect.arrayContaining(['de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'ja', 'ar']));
  });

  it.each(LANGS)('%s: known keys only, the same placeholders as English, nothing left in English', async (lang) => {
    const pack: Partial<Texts> = (await import(`../../src/ui/i18n/packs/${lang}.ts`)).default;
    for (const [key, text] of Object.entries(pack)) {
      expect(ENGLISH, key).toHaveProperty(key);
      expect(placeholders(text!), `${lang}.${key}`).toEqual(placeholders(ENGLISH[key]));
    }
    const missing = Object.keys(ENGLISH).filter((key) => !(key in pack) && ENGLISH[key] !== 'Cookie');
    expect(missing).toEqual([]);
  });
});
