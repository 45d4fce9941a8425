import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Texts } from '../../src/core/config/types';
import { PACK_NAMES } from '../../src/loader/language-packs';
import { en } from '../../src/core/texts/en';
import { joinList } from '../../src/core/texts/join-list';
import { PAGE_TEXTS, type PageTextKey, type UiTexts } from '../../src/core/texts/page-texts';

/** Every key a pack should translate: the UI's and the loader's. Typed, so a key missing from both fails to compile. */
const ENGLISH: { [key: string]: string } = { ...en, ...PAGE_TEXTS.en } satisfies Texts;
const PAGE_KEYS = Object.keys(PAGE_TEXTS.en) as PageTextKey[];

const DIR = join(process.cwd(), 'src/core/texts/packs');
const LANGS = readdirSync(DIR).map((file) => file.replace(/\.ts$/, ''));
const placeholders = (text: string) => (text.match(/\{\w+\}/g) || []).sort();
const packOf = async (lang: string): Promise<Partial<Texts>> => (await import(`../../src/core/texts/packs/${lang}.ts`)).default;

describe('language packs', () => {
  it('cover at least the issue languages, Arabic and Chinese; every file is built and loadable', () => {
    expect(LANGS).toEqual(expect.arrayContaining(['de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'ja', 'ar', 'zh']));
    expect([...PACK_NAMES].sort()).toEqual([...LANGS].sort());
  });

  it.each(LANGS)('%s: known keys only, the same placeholders as English, nothing left in English', async (lang) => {
    const pack = await packOf(lang);
    for (const [key, text] of Object.entries(pack)) {
      expect(ENGLISH, key).toHaveProperty(key);
      expect(placeholders(text!), `${lang}.${key}`).toEqual(placeholders(ENGLISH[key]));
    }
    // The loader's page texts may stay out of a pack whose language the loader has built in (zh).
    const builtIn = (key: string) => lang in PAGE_TEXTS && PAGE_KEYS.includes(key as PageTextKey);
    const missing = Object.keys(ENGLISH).filter((key) => !(key in pack) && ENGLISH[key] !== 'Cookie' && !builtIn(key));
    expect(missing).toEqual([]);
  });

  it.each(['en', ...LANGS])('%s: its list words join like Intl.ListFormat', async (lang) => {
    const texts = { ...en, ...(lang === 'en' ? {} : await packOf(lang)) } as UiTexts;
    const intl = new Intl.ListFormat(lang, { type: 'conjunction' });
    const purposes = [texts.analyticsPurposes, texts.advertisingPurposes, texts.essentialTitle, texts.save];
    for (const count of [1, 2, 3, 4]) {
      const items = purposes.slice(0, count);
      expect(joinList(items, texts), `${lang}, ${count} items`).toBe(intl.format(items));
    }
  });
});
