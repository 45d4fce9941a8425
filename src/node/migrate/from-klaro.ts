import type { Layout, Theme } from '../../core/config/types';
import { ID } from '../../core/config/patterns';
import { MAX_ID } from '../../core/config/limits';
import { builtInFor } from './built-in-category';
import { createDraft, type Draft } from './config-draft';
import { convertCookieSettings } from './cookie-settings';
import { declareCookies } from './declare-cookies';
import { htmlToText, linksIn } from './html-text';
import { toLanguage } from './localized';
import { privacyLink, usableUrl } from './privacy-link';
import { asList, asObject, asString, at, entriesOf } from './read-loose';
import { toId } from './to-id';
import { MigrateError, type Loose, type MigrateResult } from './types';

const IGNORED = [
  'version',
  'elementID',
  'htmlTexts',
  'embedded',
  'groupByPurpose',
  'autoFocus',
  'showNoticeTitle',
  'showDescriptionEmptyStore',
  'noAutoLoad',
  'disablePoweredBy',
  'additionalClass',
  'purposeOrder',
  'storageMethod',
];
const HANDLED = new Set([
  ...IGNORED,
  'styling',
  'cookieName',
  'storageName',
  'cookieExpiresAfterDays',
  'cookieDomain',
  'cookiePath',
  'default',
  'mustConsent',
  'acceptAll',
  'hideDeclineAll',
  'hideLearnMore',
  'noticeAsModal',
  'lang',
  'translations',
  'services',
  'apps',
  'privacyPolicy',
  'callback',
]);
const SERVICE_HANDLED = new Set([
  'name',
  'title',
  'description',
  'purposes',
  'cookies',
  'required',
  'default',
  'optOut',
  'onlyOnce',
  'translations',
  'callback',
  'onInit',
  'onAccept',
  'onDecline',
  'contextualConsentOnly',
  'vars',
]);
/** Where a purpose goes when a service has several: the category hardest to get consent for. */
const STRICTNESS = ['advertising', 'analytics'];

/** Klaro's texts, key by key (`consentNotice.title` is `translations.en.consentNotice.title`). */
const TEXTS: { [path: string]: string } = {
  'consentNotice.title': 'bannerTitle',
  'consentNotice.learnMore': 'customize',
  'consentModal.title': 'preferencesTitle',
  'consentModal.description': 'preferencesText',
  acceptAll: 'acceptAll',
  ok: 'acceptAll',
  decline: 'rejectAll',
  acceptSelected: 'save',
  save: 'save',
  close: 'close',
  'contextualConsent.acceptOnce': 'loadOnce',
  'contextualConsent.acceptAlways': 'alwaysAllow',
  'contextualConsent.description': 'placeholderText',
};
/** Translation keys that are klaro's own UI and have no counterpart. */
const UI_ONLY = new Set([
  'poweredBy',
  'service',
  'purposeItem',
  'privacyPolicy',
  'privacyPolicyUrl',
  'purposes',
  'consentNotice',
  'consentModal',
  'contextualConsent',
]);

const pick = (object: Loose | undefined, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => asObject(value)?.[key], object);

/**
 * Klaro (`var klaroConfig = {...}`) to consentry. Services keep their names as ids where they are valid
 * ids, so `data-name="youtube"` markup keeps working; each purpose becomes a category (the built-in one it
 * stands for, or one of its own).
 */
export function fromKlaro(input: Loose): MigrateResult {
  const list = input.services ?? input.apps;
  if (!Array.isArray(list)) throw new MigrateError('not a klaro config: it has no "services" list');
  const draft = createDraft();
  const { rest } = draft;

  for (const key of Object.keys(input)) if (!HANDLED.has(key)) draft.note(key, 'unknown option, not carried over');
  if ('apps' in input && !('services' in input)) draft.note('apps', 'read as "services" (klaro before 0.7)');
  for (const key of IGNORED)
    if (key in input && key != 'version' && key != 'storageMethod') draft.note(key, 'no equivalent in consentry, ignored');
  if (input.storageMethod == 'localStorage')
    draft.note('storageMethod', 'consentry keeps the choice in a cookie: localStorage is not used');
  if (input.default === true)
    draft.note('default', 'consentry never enables a service before the visitor agrees (opt-in): not carried over');
  if (input.acceptAll === false) draft.note('acceptAll', 'consentry always offers "Accept all" beside "Reject all"');
  if (input.hideDeclineAll === true) draft.note('hideDeclineAll', 'consentry always offers "Reject all" as prominently as "Accept all"');
  if (input.hideLearnMore === true) draft.note('hideLearnMore', 'consentry always offers "Customize"');
  if ('callback' in input) draft.note('callback', "code is not carried over: listen with consent.on('change', …)");

  const lang = asString(input.lang);
  if (lang) {
    const code = toLanguage(lang);
    if (code) rest.language = code;
    else draft.note('lang', `"${lang}" is not a language code: "auto" is used`);
  }

  convertCookieSettings(draft, {
    name: [asString(input.storageName) ?? asString(input.cookieName) ?? 'klaro', 'storageName' in input ? 'storageName' : 'cookieName'],
    domain: [input.cookieDomain, 'cookieDomain'],
    path: [input.cookiePath, 'cookiePath'],
    days: [input.cookieExpiresAfterDays, 'cookieExpiresAfterDays'],
  });

  const ui = layoutOf(draft, input);
  if (ui.layout || ui.theme) rest.ui = { ...rest.ui, ...ui };

  const translations = readTranslations(draft, input);
  const purposeCategory = new Map<string, string>();
  const categoryFor = (purpose: string, path: string) => {
    const id = toId(purpose);
    if (!id) return (draft.note(path, `purpose "${purpose}" has no letters or digits to make an id of: left out`), undefined);
    const category = builtInFor(id) ?? id;
    if (!purposeCategory.has(purpose)) {
      purposeCategory.set(purpose, category);
      if (category != purpose) draft.note(path, `purpose "${purpose}" became the category "${category}"`);
    }
    return category;
  };

  list.forEach((value, index) => {
    const path = at('services', index);
    const old = asObject(value);
    const name = asString(old?.name);
    if (!old || !name) return draft.note(path, 'a service without a name: left out');
    for (const key of Object.keys(old)) if (!SERVICE_HANDLED.has(key)) draft.note(at(path, key), 'unknown option, not carried over');

    const purposes = asList(old.purposes).filter((p): p is string => typeof p == 'string');
    let category: string | undefined;
    if (old.required === true) category = 'essential';
    else {
      const categories = purposes.map((purpose) => categoryFor(purpose, at(path, 'purposes'))).filter((c): c is string => !!c);
      category = STRICTNESS.find((strict) => categories.includes(strict)) ?? categories[0];
      if (new Set(categories).size > 1) {
        draft.note(
          at(path, 'purposes'),
          `a consentry service belongs to one category: "${category}" of ${categories.map((c) => `"${c}"`).join(', ')}`,
        );
      }
    }
    if (!category) {
      category = 'other';
      if (!draft.hasCategory(category)) draft.category(category).title.set('en', 'Other');
      draft.note(path, 'no purposes: put in a category "other"; give it a title, or move the service to a category of yours');
    }

    // The loader reads data-name in lower case, so a name that is an id once lower-cased needs no markup change.
    const lowered = name.toLowerCase();
    const service = draft.service(
      ID.test(lowered) && name.length <= MAX_ID ? lowered : toId(name) || `service-${index + 1}`,
      category,
      path,
      name,
    );
    if (service.id != lowered) {
      draft.note(
        path,
        `service "${name}" has the id "${service.id}": change data-name="${name}" to data-service="${service.id}" on your pages`,
      );
    } else if (service.id != name) {
      draft.note(
        path,
        `service "${name}" has the id "${service.id}" (data-name="${name}" on your pages still matches it; scripts that ask for "${name}" by name must use "${service.id}")`,
      );
    }
    const ownDescription = asString(old.description);
    let translatedTitle = '';
    for (const [code, texts] of translations.languages) {
      const own = asObject(pick(asObject(old.translations), code)) ?? asObject(pick(asObject(old.translations), 'zz'));
      const global = asObject(texts[name]);
      const title = asString(own?.title) ?? asString(global?.title);
      const description = asString(own?.description) ?? asString(global?.description) ?? ownDescription;
      translatedTitle ||= title ? htmlToText(title).text : '';
      if (description) service.purpose.set(code, htmlToText(description).text);
    }
    // consentry shows one name per service: the service's own title, else the first translated one.
    service.name = htmlToText(asString(old.title) ?? '').text || translatedTitle || name;
    if (!translations.languages.size && ownDescription) service.purpose.set('en', htmlToText(ownDescription).text);

    asList(old.cookies).forEach((cookie, cookieIndex) => {
      const cookiePath = at(at(path, 'cookies'), cookieIndex);
      // [pattern, path, domain]: the path only helps deleting, which consentry does on every path it can.
      const [pattern, , domain] = Array.isArray(cookie) ? cookie : [cookie];
      declareCookies(draft, service.cookies, pattern, domain, cookiePath);
    });

    if (old.default === true || old.optOut === true) {
      draft.note(
        at(path, old.optOut === true ? 'optOut' : 'default'),
        'consentry never loads a service before the visitor agrees (opt-in): not carried over',
      );
    }
    if (old.contextualConsentOnly === true) {
      draft.note(
        at(path, 'contextualConsentOnly'),
        'embeds of the service show a placeholder with "Load once" until consent; the service is still listed in the dialog',
      );
    }
    const hooks = ['callback', 'onInit', 'onAccept', 'onDecline'].filter((key) => key in old);
    if (hooks.length) draft.note(`${path}.${hooks.join('/')}`, "code is not carried over: listen with consent.on('change', …)");
    if ('vars' in old) draft.note(at(path, 'vars'), 'not carried over');
  });

  // Each purpose's title and description, per language.
  for (const [purpose, id] of purposeCategory) {
    const category = draft.category(id);
    for (const [code, texts] of translations.languages) {
      const entry = pick(texts, `purposes.${purpose}`);
      const title = asString(entry) ?? asString(asObject(entry)?.title);
      const description = asString(asObject(entry)?.description);
      if (title && !category.title.has(code)) category.title.set(code, htmlToText(title).text);
      if (description && !category.description.has(code)) category.description.set(code, htmlToText(description).text);
    }
  }

  convertTexts(draft, input, translations);
  return { config: draft.build(), notes: draft.notes };
}

function layoutOf(draft: Draft, input: Loose): { layout?: Layout; theme?: Theme } {
  const theme = asList(asObject(input.styling)?.theme).filter((t): t is string => typeof t == 'string');
  const out: { layout?: Layout; theme?: Theme } = {};
  if (theme.includes('dark')) out.theme = 'dark';
  else if (theme.includes('light')) out.theme = 'light';
  if (theme.includes('wide')) out.layout = theme.includes('top') ? 'bar-top' : 'bar-bottom';
  else if (theme.length) out.layout = 'box';
  if (input.mustConsent === true || input.noticeAsModal === true) {
    out.layout = 'modal';
    draft.note(input.mustConsent === true ? 'mustConsent' : 'noticeAsModal', 'became ui.layout "modal"');
  }
  if (asObject(input.styling) && Object.keys(asObject(input.styling)!).some((key) => key != 'theme')) {
    draft.note('styling', 'only the theme (light/dark, top/wide) is carried over; restyle with CSS custom properties');
  }
  return out;
}

interface Translations {
  /** Per real language (klaro's "zz" defaults merged in), the translation object. */
  languages: Map<string, Loose>;
}

/**
 * Klaro's translations per language code; "zz" holds defaults for every language, so it is merged under
 * each one (or stands for the config's language when it is the only one).
 */
function readTranslations(draft: Draft, input: Loose): Translations {
  const all = entriesOf(input.translations);
  const defaults = asObject(all.find(([code]) => code == 'zz')?.[1]) ?? {};
  const languages = new Map<string, Loose>();
  for (const [code, value] of all) {
    if (code == 'zz') continue;
    const lang = toLanguage(code);
    const texts = asObject(value);
    if (!lang || !texts) draft.note(at('translations', code), 'not a language code with a translation object: left out');
    else languages.set(lang, merge(defaults, texts));
  }
  if (!languages.size && Object.keys(defaults).length) languages.set(toLanguage(asString(input.lang) ?? '') ?? 'en', defaults);
  return { languages };
}

/** Every text inside a translation, however deep. */
const stringsIn = (value: unknown): string[] =>
  typeof value == 'string' ? [value] : Array.isArray(value) ? value.flatMap(stringsIn) : entriesOf(value).flatMap(([, v]) => stringsIn(v));

function merge(base: Loose, over: Loose): Loose {
  const out: Loose = { ...base };
  for (const [key, value] of entriesOf(over)) {
    const a = asObject(out[key]);
    const b = asObject(value);
    out[key] = a && b ? merge(a, b) : value;
  }
  return out;
}

function convertTexts(draft: Draft, input: Loose, translations: Translations) {
  const urls = new Set<string>();
  // The URL every language shares ("zz"), then English, come first: consentry links one policy.
  const shared = asString(pick(asObject(input.translations), 'zz.privacyPolicyUrl'));
  if (shared && usableUrl(shared)) urls.add(shared);
  const english = asString(translations.languages.get('en')?.privacyPolicyUrl);
  if (english && usableUrl(english)) urls.add(english);
  for (const [lang, texts] of translations.languages) {
    const path = at('translations', lang);
    const policyName = htmlToText(asString(pick(texts, 'privacyPolicy.name')) ?? '').text || 'privacy policy';
    const plain = (raw: string, where: string) => {
      const { text, hadMarkup } = htmlToText(raw.replace(/\{privacyPolicy\}/g, policyName));
      if (hadMarkup) draft.note(where, 'HTML became plain text (consentry never renders config texts as HTML)');
      return text;
    };
    for (const [from, key] of Object.entries(TEXTS)) {
      const raw = asString(pick(texts, from));
      if (!raw) continue;
      const where = from.split('.').reduce(at, path);
      const text = plain(raw, where);
      draft.text(lang, key, key == 'placeholderText' ? text.replace(/\{title\}/g, '{service}') : text, where);
    }
    const notice = asString(pick(texts, 'consentNotice.description'));
    if (notice) {
      // Klaro's notice names the purposes with {purposes}, as consentry's bannerPurposes sentence does.
      const where = at(at(path, 'consentNotice'), 'description');
      draft.text(lang, notice.includes('{purposes}') ? 'bannerPurposes' : 'bannerText', plain(notice, where), where);
    }
    for (const key of ['consentNotice.changeDescription', 'consentNotice.testing']) {
      if (pick(texts, key) !== undefined) draft.note(key.split('.').reduce(at, path), 'no equivalent text in consentry: not carried over');
    }
    const url = asString(texts.privacyPolicyUrl) ?? privacyLink(stringsIn(texts).flatMap(linksIn));
    if (url && usableUrl(url)) urls.add(url);
    else if (url) draft.note(at(path, 'privacyPolicyUrl'), `"${url}" is not an http(s) or relative URL consentry links to: left out`);
    for (const key of Object.keys(texts)) {
      if (UI_ONLY.has(key) || key in TEXTS || asObject(texts[key])) continue;
      draft.note(at(path, key), 'no equivalent text in consentry: not carried over');
    }
  }
  // Klaro before 0.7: a top-level privacyPolicy, one URL or one per language ("default" for the rest).
  const legacy = input.privacyPolicy;
  for (const url of typeof legacy == 'string' ? [legacy] : entriesOf(legacy).map(([, value]) => value)) {
    if (typeof url == 'string' && usableUrl(url)) urls.add(url);
  }
  const [url, ...others] = urls;
  if (url) draft.rest.ui = { ...draft.rest.ui, privacyPolicyUrl: url };
  if (others.length)
    draft.note('translations', `consentry links one privacy policy: "${url}" is used, not ${others.map((o) => `"${o}"`).join(', ')}`);
}
