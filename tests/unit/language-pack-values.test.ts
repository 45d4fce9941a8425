import { existsSync, readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Texts } from '../../src/core/config/types';
import { PACK_NAMES } from '../../src/loader/language-packs';
import { en } from '../../src/core/texts/en';
import { PACK_KEYS } from '../../src/core/texts/pack-keys';
import { packToValues, textsOfPack } from '../../src/core/texts/pack-values';
import { PAGE_TEXTS } from '../../src/core/texts/page-texts';
import { resolveTexts } from '../../src/core/texts/resolve-texts';

const packOf = async (lang: string): Promise<Partial<Texts>> => (await import(`../../src/core/texts/packs/${lang}.ts`)).default;
const dist = new URL('../../dist/i18n/', import.meta.url);

/**
 * The order pack files of this release are built in. A pack file may meet a UI chunk of another release,
 * so this may only grow at its end (new keys go at the end of en.ts); never reorder or remove.
 */
const RELEASED_ORDER = [
  'reopen',
  'placeholderText',
  'loadOnce',
  'alwaysAllow',
  'bannerTitle',
  'bannerText',
  'bannerPurposes',
  'analyticsPurposes',
  'advertisingPurposes',
  'listAnd',
  'listComma',
  'listLastAnd',
  'acceptAll',
  'rejectAll',
  'customize',
  'close',
  'privacyPolicy',
  'preferencesTitle',
  'preferencesText',
  'save',
  'alwaysOn',
  'services',
  'cookieName',
  'cookieProvider',
  'cookiePurpose',
  'cookieDuration',
  'consentId',
  'consentDate',
  'doNotSell',
  'gpcHonored',
  'crossBorderTitle',
  'crossBorderText',
  'crossBorderContact',
  'ageQuestion',
  'ageAdult',
  'ageMinor',
  'minorNote',
  'essentialTitle',
  'essentialDescription',
  'analyticsTitle',
  'analyticsDescription',
  'advertisingTitle',
  'advertisingDescription',
];

describe('pack keys', () => {
  it('keep the released order (a moved key would put every pack text under the wrong key)', () => {
    expect(PACK_KEYS.slice(0, RELEASED_ORDER.length)).toEqual(RELEASED_ORDER);
  });

  it('name every English text once: the UI chunk and the page texts', () => {
    expect(new Set(PACK_KEYS).size).toBe(PACK_KEYS.length);
    expect([...PACK_KEYS].sort()).toEqual(Object.keys({ ...en, ...PAGE_TEXTS.en }).sort());
  });

  it.each(PACK_NAMES)('%s: every text of the pack has its place in the list, so none is lost in the built file', async (lang) => {
    const outside = Object.keys(await packOf(lang)).filter((key) => !(PACK_KEYS as readonly string[]).includes(key));
    expect(outside).toEqual([]);
  });
});

describe('packs as values', () => {
  it.each(PACK_NAMES)('%s: back under its keys, every text equals the source pack', async (lang) => {
    const pack = await packOf(lang);
    const values = packToValues(pack);
    expect(values.length).toBeLessThanOrEqual(PACK_KEYS.length);
    expect(textsOfPack(values)).toEqual(pack);
  });

  it('leaves a missing text to English, in the middle of the list and at its end', async () => {
    const de = await packOf('de');
    expect(de).not.toHaveProperty('cookieName');
    const values = packToValues(de);
    expect(values[PACK_KEYS.indexOf('cookieName')]).toBeUndefined();
    expect(resolveTexts('de', textsOfPack(values), {}).texts).toMatchObject({ cookieName: en.cookieName, cookieProvider: 'Anbieter' });

    // zh leaves out the page texts, which come first: empty slots, none of them set.
    const zh = packToValues(await packOf('zh'));
    expect(zh.slice(0, 4)).toEqual([undefined, undefined, undefined, undefined]);
    expect(Object.keys(textsOfPack(zh))).not.toContain('reopen');
    expect(resolveTexts('zh', textsOfPack(zh), {}).texts).not.toHaveProperty('reopen');
    // A pack without the last texts ends early.
    expect(packToValues({ reopen: 'R', bannerTitle: 'T' })).toEqual(['R', undefined, undefined, undefined, 'T']);
  });

  it('keeps an empty text (it replaces English, as in the source object) and skips null slots', () => {
    expect(packToValues({ reopen: '' })).toEqual(['']);
    expect(textsOfPack(['', null, undefined, 'Text'])).toEqual({ reopen: '', alwaysAllow: 'Text' });
    expect(packToValues({})).toEqual([]);
  });

  it('passes a pack object (npm build) through unchanged', () => {
    const pack = { acceptAll: 'Alle akzeptieren' };
    expect(textsOfPack(pack)).toBe(pack);
  });
});

// Runs after `npm run build`: the files themselves, as a page would run them.
describe.runIf(existsSync(dist))('built pack files', () => {
  it.each(PACK_NAMES)('%s.min.js registers its values without key names, and they give back the source pack', async (lang) => {
    const code = readFileSync(new URL(`${lang}.min.js`, dist), 'utf8');
    expect(code).not.toMatch(/bannerTitle|acceptAll|advertisingDescription/);
    const sandbox: { __consentryLang?: { [lang: string]: unknown } } = {};
    runInNewContext(code, sandbox);
    const registered = sandbox.__consentryLang?.[lang];
    expect(Array.isArray(registered)).toBe(true);
    expect(textsOfPack(registered as string[])).toEqual(await packOf(lang));
  });
});
