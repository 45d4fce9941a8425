import { describe, expect, it } from 'vitest';
import { ageThreshold } from '../../src/ui/age-threshold';
import { bannerText } from '../../src/ui/banner-text';
import { categoryDescription, categoryTitle } from '../../src/ui/category-texts';
import { phrase } from '../../src/ui/components/separate-consent';
import { choicesFromDraft, initialDraft, withAgeGroup, withCategory, withConsent } from '../../src/ui/draft';
import { directionOf } from '../../src/core/texts/direction';
import { en } from '../../src/core/texts/en';
import type { Texts } from '../../src/core/config/types';
import { fill } from '../../src/core/texts/fill';
import { joinList } from '../../src/core/texts/join-list';
import { PAGE_TEXTS, type UiTexts } from '../../src/core/texts/page-texts';
import { localize } from '../../src/core/texts/localize';
import { resolveTexts } from '../../src/core/texts/resolve-texts';
import chinese from '../../src/core/texts/packs/zh';
import { recordOf, settingsOf, stateOf } from './fixtures';

const settings = settingsOf();
/** Chinese as the UI shows it: the pack over English. */
const zh = { ...en, ...chinese } as UiTexts;

describe('draft', () => {
  it('starts from what is granted, optional categories only', () => {
    expect(initialDraft(settings, stateOf(settings))).toEqual({ categories: { analytics: false, advertising: false }, consents: {} });
    // The age group is asked again with each choice: never taken from a record.
    const state = stateOf(settings, { record: recordOf({ analytics: true }, { ageGroup: 'adult' }) });
    expect(initialDraft(settings, state)).toEqual({ categories: { analytics: true, advertising: false }, consents: {} });
  });

  it('holds the separate consents asked in the region, as the record answered them, off otherwise', () => {
    const asking = settingsOf({ crossBorder: { recipient: 'R', country: 'US', purpose: 'P', dataCategories: 'D' } });
    const granted = { record: recordOf({ analytics: true }, { consents: { 'cross-border': true } }) };
    expect(initialDraft(asking, stateOf(asking, { ...granted, region: 'CN' })).consents).toEqual({ 'cross-border': true });
    expect(initialDraft(asking, stateOf(asking, { region: 'CN' })).consents).toEqual({ 'cross-border': false });
    // Nothing asks it of an EU visitor: no switch, no answer.
    expect(initialDraft(asking, stateOf(asking, { ...granted, region: 'DE' })).consents).toEqual({});
    const draft = initialDraft(asking, stateOf(asking, { region: 'CN' }));
    expect(withConsent(draft, 'cross-border').consents).toEqual({ 'cross-border': true });
    expect(withConsent(draft, 'unknown')).toBe(draft);
  });

  it('shows opt-out defaults as they are in force', () => {
    const state = stateOf(settings, { regime: 'opt-out', categories: { essential: true, analytics: true, advertising: false } });
    expect(initialDraft(settings, state).categories).toEqual({ analytics: true, advertising: false });
  });

  it('never switches essential or unknown categories', () => {
    const draft = initialDraft(settings, stateOf(settings));
    expect(withCategory(draft, 'essential', false)).toBe(draft);
    expect(withCategory(draft, 'nope', true)).toBe(draft);
  });

  it("turns a minor's advertising off and keeps it off", () => {
    let draft = withCategory(initialDraft(settings, stateOf(settings)), 'advertising', true);
    draft = withAgeGroup(draft, 'minor');
    expect(draft.categories.advertising).toBe(false);
    expect(withCategory(draft, 'advertising', true).categories.advertising).toBe(false);
    expect(withAgeGroup(draft, 'adult').categories.advertising).toBe(false);
  });

  it('saves exactly the switches, plus the questions the site asks', () => {
    const draft = { categories: { analytics: true, advertising: false }, consents: {}, ageGroup: 'adult' as const };
    expect(choicesFromDraft(settings, draft)).toEqual({ categories: { analytics: true, advertising: false } });
    const asking = settingsOf({ minors: { ask: true }, crossBorder: { recipient: 'R', country: 'US', purpose: 'P', dataCategories: 'D' } });
    expect(choicesFromDraft(asking, { ...draft, consents: { 'cross-border': true } })).toEqual({
      categories: { analytics: true, advertising: false },
      consents: { 'cross-border': true },
      ageGroup: 'adult',
    });
  });
});

describe('phrase', () => {
  it('drops the closing stop a configured phrase brings into a sentence with its own, in every script', () => {
    expect(['usage logs.', 'usage logs..', '使用日志。', '使用日志。。', '使用日志．', 'ログ｡', 'logs. '].map(phrase)).toEqual([
      'usage logs',
      'usage logs',
      '使用日志',
      '使用日志',
      '使用日志',
      'ログ',
      'logs',
    ]);
    expect(phrase('e.g. a browser id')).toBe('e.g. a browser id');
  });
});

describe('texts', () => {
  it("en and zh (with the loader's page texts) have every key, with the same placeholders", () => {
    const english: Texts = { ...en, ...PAGE_TEXTS.en };
    const whole = { ...chinese, ...PAGE_TEXTS.zh } as Texts;
    expect(Object.keys(whole).sort()).toEqual(Object.keys(english).sort());
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) || []).sort();
    for (const key of Object.keys(english) as (keyof Texts)[]) expect(placeholders(whole[key]), key).toEqual(placeholders(english[key]));
  });

  it('keeps the loader-only texts out of the UI chunk', () => {
    for (const key of ['reopen', 'placeholderText', 'loadOnce', 'alwaysAllow']) {
      expect(en).not.toHaveProperty(key);
      expect(PAGE_TEXTS.en).toHaveProperty(key);
    }
  });

  it('layers English, pack and site texts', () => {
    expect(resolveTexts('de', { acceptAll: 'A' }, { de: { rejectAll: 'R' }, en: { save: 'S' } }).texts).toMatchObject({
      acceptAll: 'A',
      rejectAll: 'R',
      save: en.save,
    });
    expect(resolveTexts('xx', null, { en: { save: 'S' } })).toMatchObject({ lang: 'en', texts: { save: 'S' } });
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('localizes config text', () => {
    expect(localize({ en: 'E', zh: 'Z' }, 'zh')).toBe('Z');
    expect(localize({ en: 'E', zh: 'Z' }, 'de')).toBe('E');
    expect(localize({ fr: 'F' }, 'de')).toBe('F');
    expect(localize('plain', 'de')).toBe('plain');
    expect(localize(undefined, 'de')).toBe('');
  });

  it('names categories from config, built-ins, or the id', () => {
    const [essential, analytics] = settings.categories;
    expect(categoryTitle(essential, en, 'en')).toBe('Essential');
    expect(categoryTitle({ ...analytics, title: { zh: '统计' } }, zh, 'zh')).toBe('统计');
    expect(categoryTitle({ id: 'social', title: '', description: '', required: false }, en, 'en')).toBe('social');
    expect(categoryDescription({ id: 'social', title: '', description: '', required: false }, en, 'en')).toBe('');
  });

  it('builds the banner text from the configured categories', () => {
    expect(bannerText(settingsOf({ categories: [] }), en, 'en')).toContain('analytics (');
    const onlyEssential = { ...settings, categories: settings.categories.filter((c) => c.required) };
    expect(bannerText(onlyEssential, en, 'en')).toBe(en.bannerText);
    expect(bannerText(settings, { ...en, bannerPurposes: '' }, 'en')).toBe(en.bannerText);
  });

  it('joins lists with the words of the texts', () => {
    expect(joinList([], en)).toBe('');
    expect(joinList(['a'], en)).toBe('a');
    expect(joinList(['a', 'b'], en)).toBe('a and b');
    expect(joinList(['a', 'b', 'c', 'd'], en)).toBe('a, b, c, and d');
    expect(joinList(['甲', '乙', '丙'], zh)).toBe('甲、乙和丙');
    const site = { ...en, listAnd: ' och ', listComma: ', ', listLastAnd: ' och ' };
    expect(joinList(['a', 'b', 'c'], site)).toBe('a, b och c');
  });

  it('lists three purposes in the banner in English and Chinese', () => {
    const three = settingsOf({ categories: [{ id: 'social', title: { en: 'social media', zh: '社交媒体' }, description: '' }] });
    expect(bannerText(three, en, 'en')).toContain('for analytics (site analytics, page-view beacons, usage logs), advertising (');
    expect(bannerText(three, en, 'en')).toContain('tracking by advertisers), and social media. You can');
    expect(bannerText(three, zh, 'zh')).toContain('使用日志）、广告（展示个性化广告、广告主跟踪）和社交媒体。');
  });

  it('knows right-to-left languages', () => {
    expect(['ar', 'he', 'fa', 'ur', 'ar-EG'].map(directionOf)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'rtl']);
    expect(['en', 'zh', 'de'].map(directionOf)).toEqual(['ltr', 'ltr', 'ltr']);
  });
});

describe('ageThreshold', () => {
  const thresholds = { CN: 14, 'US-CA': 13, default: 16 };
  it('takes the most specific of subdivision, country, default', () => {
    expect(ageThreshold(thresholds, 'US-CA')).toBe(13);
    expect(ageThreshold(thresholds, 'CN-31')).toBe(14);
    expect(ageThreshold(thresholds, 'DE')).toBe(16);
    expect(ageThreshold(thresholds, null)).toBe(16);
    expect(ageThreshold({}, null)).toBe(16);
  });
});
