import type { CookieDeclaration, Layout } from '../../core/config/types';
import { cookieNames } from './cookie-names';
import { MAX_ID, MAX_REVISION } from '../../core/config/limits';
import { ALIAS_NAME } from '../../core/config/patterns';
import { builtInFor } from './built-in-category';
import { createDraft, type Draft } from './config-draft';
import { convertCookieSettings } from './cookie-settings';
import { declareCookies } from './declare-cookies';
import { htmlToText, linksIn } from './html-text';
import { localized, toLanguage } from './localized';
import { privacyLink } from './privacy-link';
import { matchesDeclared } from '../../core/classify/name-pattern';
import { asList, asObject, asString, at, atPath, entriesOf } from './read-loose';
import { toId } from './to-id';
import { MigrateError, type Loose, type MigrateResult } from './types';

const CALLBACKS = ['onFirstConsent', 'onConsent', 'onChange', 'onModalShow', 'onModalHide', 'onModalReady'];
const NO_EQUIVALENT = ['root', 'hideFromBots', 'lazyHtmlGeneration'];
const HANDLED = new Set([
  ...CALLBACKS,
  ...NO_EQUIVALENT,
  'mode',
  'autoShow',
  'revision',
  'manageScriptTags',
  'autoClearCookies',
  'disablePageInteraction',
  'guiOptions',
  'cookie',
  'categories',
  'language',
]);
const V2_KEYS = ['current_lang', 'languages', 'page_scripts', 'gui_options', 'autoclear_cookies', 'cookie_name'];

/** The texts of the banner and dialog, key by key. */
const CONSENT_MODAL: { [key: string]: string } = {
  title: 'bannerTitle',
  description: 'bannerText',
  acceptAllBtn: 'acceptAll',
  acceptNecessaryBtn: 'rejectAll',
  showPreferencesBtn: 'customize',
  closeIconLabel: 'close',
};
const PREFERENCES_MODAL: { [key: string]: string } = {
  title: 'preferencesTitle',
  acceptAllBtn: 'acceptAll',
  acceptNecessaryBtn: 'rejectAll',
  savePreferencesBtn: 'save',
  closeIconLabel: 'close',
};

/** The service that holds a category's cookies that no declared service claims. */
function cookieHolder(draft: Draft, categoryId: string, from: string) {
  const id = `${categoryId}-cookies`.slice(0, 40);
  return draft.services.find((service) => service.id == id) ?? draft.service(id, categoryId, from, '');
}

function layoutOf(consentModal: Loose | undefined): Layout | undefined {
  const layout = asString(consentModal?.layout) ?? '';
  const position = asString(consentModal?.position) ?? '';
  if (!layout && !position) return undefined;
  if (layout.startsWith('bar')) return position.startsWith('top') ? 'bar-top' : 'bar-bottom';
  return position.startsWith('middle') ? 'modal' : 'box';
}

/**
 * vanilla-cookieconsent v3 (`CookieConsent.run({...})`) to consentry. Category ids are kept where they mean
 * a built-in category by the same name, so `data-category="analytics"` markup keeps working; categories
 * named otherwise (necessary, marketing…) are mapped to the built-in they are, and each such rename is noted
 * with the markup to change.
 */
export function fromVanilla(input: Loose): MigrateResult {
  if (V2_KEYS.some((key) => key in input)) {
    throw new MigrateError(
      'this is a vanilla-cookieconsent v2 config (current_lang, languages, page_scripts…): only v3 configs are converted. Upgrade it to v3 first (https://cookieconsent.orestbida.com/)',
    );
  }
  if (!asObject(input.categories)) throw new MigrateError('not a vanilla-cookieconsent v3 config: it has no "categories" object');
  const draft = createDraft();
  const { rest } = draft;
  const categoryOf = new Map<string, string>();
  const untitled = new Map<string, [ReturnType<Draft['category']>, string, string]>();

  for (const key of Object.keys(input)) if (!HANDLED.has(key)) draft.note(key, 'unknown option, not carried over');
  const callbacks = CALLBACKS.filter((key) => key in input);
  if (callbacks.length) {
    draft.note(
      callbacks.join(', '),
      "callbacks are code and are not carried over: listen with consent.on('consent' | 'change' | 'shown' | 'hidden', …) (window.Consentry.on in the script-tag build)",
    );
  }
  for (const key of NO_EQUIVALENT) if (key in input) draft.note(key, 'no equivalent in consentry, ignored');

  const revision = input.revision;
  if (typeof revision == 'number' && Number.isInteger(revision) && revision >= 0 && revision <= MAX_REVISION) rest.revision = revision;
  else if (revision !== undefined) draft.note('revision', 'not a whole number from 0 to ' + MAX_REVISION + ': left out');

  if (input.mode == 'opt-out') {
    rest.regions = { default: 'opt-out' };
    draft.note(
      'mode',
      '"opt-out" became regions.default "opt-out": consentry then also shows a "Do Not Sell or Share" control and honours Global Privacy Control. For visitors in the EU/UK opt-in is required: add regions.rules and a region source (docs/regions.md)',
    );
  }
  if (input.autoShow === false)
    draft.note('autoShow', 'consentry shows the banner whenever a choice is needed; there is no switch to keep it hidden');
  if (input.manageScriptTags === false) {
    rest.blocking = { ...rest.blocking, aliases: false };
    draft.note('manageScriptTags', 'false became blocking.aliases false: data-category tags are not managed');
  }
  if (input.autoClearCookies === false) draft.note('autoClearCookies', "consentry always removes a withdrawn category's declared cookies");

  // Categories first: texts refer to them.
  const categories = entriesOf(input.categories);
  let reloads = false;
  for (const [key, value] of categories) {
    const path = at('categories', key);
    const category = asObject(value) ?? {};
    const builtIn = category.readOnly === true ? 'essential' : builtInFor(toId(key));
    const id = builtIn ?? toId(key);
    if (!id) {
      draft.note(path, 'category name has no letters or digits to make an id of: left out');
      continue;
    }
    if (id != key) {
      const became =
        id == 'essential'
          ? `became consentry's "essential" category (always on)`
          : `became consentry's "${id}" category${builtIn ? ' (Consent Mode, GPC and the minors rule act on the built-in categories)' : ''}`;
      // The old markup keeps working through blocking.categoryAliases, where the name can be one of its keys.
      if (input.manageScriptTags !== false && ALIAS_NAME.test(key) && key.length <= MAX_ID) {
        const blocking = (rest.blocking ??= {}) as { categoryAliases?: { [name: string]: string } };
        blocking.categoryAliases = { ...blocking.categoryAliases, [key]: id };
        draft.note(path, `${became}. blocking.categoryAliases keeps tags marked data-category="${key}" working`);
      } else {
        draft.note(
          path,
          id == 'essential'
            ? `${became}. Tags marked data-category="${key}" stay blocked: remove their marking`
            : `${became}. Tags marked data-category="${key}" stay blocked: change them to data-consent="${id}"`,
        );
      }
    }
    if (draft.hasCategory(id) && categoryOf.size) {
      const merged = [...categoryOf].find(([, other]) => other == id)?.[0];
      if (merged) draft.note(path, `merged with categories.${merged}: both became "${id}"`);
    }
    const draftCategory = draft.category(id);
    categoryOf.set(key, id);
    if (!builtIn) untitled.set(id, [draftCategory, key, path]);
    if (category.enabled === true && id != 'essential') {
      draft.note(at(path, 'enabled'), 'consentry never switches a category on before the visitor agrees (opt-in): not carried over');
    }

    const serviceCookies: CookieDeclaration[] = [];
    for (const [serviceKey, serviceValue] of entriesOf(category.services)) {
      const servicePath = at(at(path, 'services'), serviceKey);
      const old = asObject(serviceValue) ?? {};
      const serviceId = toId(serviceKey) || `${id}-service`;
      const service = draft.service(serviceId, id, servicePath, serviceKey);
      if (serviceId != serviceKey) {
        draft.note(
          servicePath,
          `service id is "${serviceId}": tags marked data-service="${serviceKey}" follow their data-category; the visitor's choice for this service alone applies to data-service="${serviceId}"`,
        );
      }
      const label = asString(old.label);
      service.name = label ? htmlToText(label).text : serviceKey;
      const hooks = ['onAccept', 'onReject'].filter((hook) => hook in old);
      if (hooks.length)
        draft.note(
          `${servicePath}.${hooks.join('/')}`,
          "code is not carried over: mark the service's tags instead, or listen with consent.on('change', …)",
        );
      asList(old.cookies).forEach((cookie, index) => {
        const item = asObject(cookie);
        const cookiePath = at(at(servicePath, 'cookies'), index);
        serviceCookies.push(...declareCookies(draft, service.cookies, item ? item.name : cookie, item?.domain, cookiePath));
      });
    }

    const autoClear = asObject(category.autoClear);
    if (autoClear?.reloadPage === true) reloads = true;
    asList(autoClear?.cookies).forEach((cookie, index) => {
      const item = asObject(cookie);
      const cookiePath = at(at(at(path, 'autoClear'), 'cookies'), index);
      const pattern = item ? item.name : cookie;
      // Already declared by one of the category's services: nothing to add.
      const wanted = typeof pattern == 'string' || pattern instanceof RegExp ? cookieNames(pattern) : null;
      if (wanted?.every((c) => serviceCookies.some((s) => s.name == c.name && !!s.prefix == !!c.prefix))) return;
      declareCookies(draft, cookieHolder(draft, id, at(path, 'autoClear')).cookies, pattern, item?.domain, cookiePath);
    });
  }
  if (!reloads && categories.length) {
    draft.note(
      'categories',
      'consentry reloads the page after a category is withdrawn (scripts that ran cannot be un-run); set blocking.reloadOnWithdraw to false to keep the old behaviour',
    );
  }

  // Cookie settings.
  const cookie = asObject(input.cookie) ?? {};
  convertCookieSettings(draft, {
    name: [asString(cookie.name) ?? 'cc_cookie', asObject(input.cookie) && 'name' in cookie ? 'cookie.name' : 'cookie'],
    domain: [cookie.domain, 'cookie.domain'],
    path: [cookie.path, 'cookie.path'],
    sameSite: [cookie.sameSite, 'cookie.sameSite'],
    days: [cookie.expiresAfterDays, 'cookie.expiresAfterDays'],
  });
  for (const key of ['secure', 'useLocalStorage'])
    if (key in cookie) draft.note(at('cookie', key), 'not carried over: consentry keeps the choice in a first-party cookie it sets itself');

  // Layout.
  const gui = asObject(input.guiOptions);
  const consentModal = asObject(gui?.consentModal);
  let layout = layoutOf(consentModal);
  if (input.disablePageInteraction === true) {
    layout = 'modal';
    draft.note('disablePageInteraction', 'became ui.layout "modal"');
  }
  if (layout) rest.ui = { ...rest.ui, layout };
  if (consentModal?.equalWeightButtons === false || asObject(gui?.preferencesModal)?.equalWeightButtons === false) {
    draft.note('guiOptions', 'consentry always gives "Accept all" and "Reject all" equal weight');
  }
  if (gui?.preferencesModal !== undefined) draft.note('guiOptions.preferencesModal', "consentry's dialog has one layout: not carried over");

  convertLanguage(draft, asObject(input.language), categoryOf);
  for (const [id, [category, key, path]] of untitled) {
    if (category.title.size) continue;
    const title = key.replace(/[-_]+/g, ' ').replace(/^./, (first) => first.toUpperCase());
    category.title.set('en', title);
    draft.note(path, `no section names category "${id}": its title is "${title}"; give it a title and description per language`);
  }
  return { config: draft.build(), notes: draft.notes };
}

function convertLanguage(draft: Draft, language: Loose | undefined, categoryOf: Map<string, string>) {
  if (!language) return;
  const fallback = asString(language.default);
  const lang = fallback && toLanguage(fallback);
  if (language.autoDetect) draft.rest.language = 'auto';
  else if (lang) draft.rest.language = lang;
  else if (fallback) draft.note('language.default', `"${fallback}" is not a language code: "auto" is used`);
  if (language.rtl !== undefined) draft.note('language.rtl', 'consentry sets the text direction from the language: not needed');

  let privacyUrl: string | undefined;
  const cookieTexts: CookieTexts = new Map();
  for (const [code, value] of entriesOf(language.translations)) {
    const path = at('language.translations', code);
    const lang = toLanguage(code);
    const translation = asObject(value);
    if (!lang) {
      draft.note(path, 'not a language code: left out');
      continue;
    }
    if (!translation) {
      draft.note(
        path,
        typeof value == 'string'
          ? `loaded from "${value}": put that file's content here (or run the migration on a config that has it inline)`
          : 'not a translation object (code is not carried over): left out',
      );
      continue;
    }
    const html: string[] = [];
    const text = (raw: unknown, key: string, where: string) => {
      const value = asString(raw);
      if (!value) return '';
      html.push(value);
      const { text, hadMarkup } = htmlToText(value);
      if (hadMarkup) draft.note(where, 'HTML became plain text (consentry never renders config texts as HTML)');
      if (key) draft.text(lang, key, text, where);
      return text;
    };

    const consent = asObject(translation.consentModal) ?? {};
    for (const [key, target] of Object.entries(CONSENT_MODAL)) text(consent[key], target, at(at(path, 'consentModal'), key));
    const footer = asString(consent.footer);
    if (footer) {
      // Only its privacy policy link is kept (below, with the other texts' links).
      html.push(footer);
      const links = linksIn(footer).filter((link) => !privacyLink([link]));
      if (links.length) {
        draft.note(
          atPath(path, 'consentModal.footer'),
          `links not carried over (consentry shows the privacy policy link only): ${links.map((l) => `${l.text} (${l.href})`).join(', ')}`,
        );
      }
    }
    for (const key of ['revisionMessage', 'label'])
      if (consent[key] !== undefined) draft.note(atPath(path, `consentModal.${key}`), 'no equivalent text in consentry: not carried over');

    const preferences = asObject(translation.preferencesModal) ?? {};
    for (const [key, target] of Object.entries(PREFERENCES_MODAL)) text(preferences[key], target, at(at(path, 'preferencesModal'), key));
    if (preferences.serviceCounterLabel !== undefined)
      draft.note(atPath(path, 'preferencesModal.serviceCounterLabel'), 'no equivalent text in consentry: not carried over');

    asList(preferences.sections).forEach((value, index) => {
      const sectionPath = at(atPath(path, 'preferencesModal.sections'), index);
      const section = asObject(value) ?? {};
      const linked = asString(section.linkedCategory);
      const title = text(section.title, '', at(sectionPath, 'title'));
      const description = text(section.description, '', at(sectionPath, 'description'));
      if (linked) {
        const id = categoryOf.get(linked);
        if (!id) return draft.note(sectionPath, `linkedCategory "${linked}" is not a category: left out`);
        const category = draft.category(id);
        if (title && !category.title.has(lang)) category.title.set(lang, title);
        if (description && !category.description.has(lang)) category.description.set(lang, description);
        convertCookieTable(draft, cookieTexts, asObject(section.cookieTable), id, lang, at(sectionPath, 'cookieTable'));
      } else if (index == 0 && description) {
        draft.text(lang, 'preferencesText', description, at(sectionPath, 'description'));
      } else if (title || description) {
        draft.note(
          sectionPath,
          `section "${title}" not carried over: consentry's dialog lists categories only; say this in your privacy policy`,
        );
      }
    });
    privacyUrl ||= privacyLink(html.flatMap(linksIn));
  }
  if (privacyUrl) draft.rest.ui = { ...draft.rest.ui, privacyPolicyUrl: privacyUrl };
  for (const [cookie, texts] of cookieTexts) {
    const duration = localized(texts.duration);
    const purpose = localized(texts.purpose);
    if (duration) cookie.duration = duration;
    if (purpose) cookie.purpose = purpose;
  }
}

/** A cookie table's durations and purposes per cookie, per language, until every translation is read. */
type CookieTexts = Map<CookieDeclaration, { duration: Map<string, string>; purpose: Map<string, string> }>;

const COLUMN: { [field: string]: RegExp } = {
  name: /^(name|cookie)/i,
  domain: /domain|host/i,
  duration: /expir|duration|lifetime|retention|expires|period/i,
  purpose: /desc|purpose|usage|use/i,
};

/** A section's cookie table: each row's cookie joins the category's cookies, with its duration and purpose. */
function convertCookieTable(
  draft: Draft,
  cookieTexts: CookieTexts,
  table: Loose | undefined,
  categoryId: string,
  lang: string,
  path: string,
) {
  if (!table) return;
  const headers = entriesOf(table.headers);
  const columnOf = (field: string) =>
    headers.find(([key]) => COLUMN[field].test(key))?.[0] ?? headers.find(([, label]) => COLUMN[field].test(String(label)))?.[0];
  const nameKey = columnOf('name');
  if (!nameKey) return draft.note(path, 'no column with the cookie names: not carried over');
  const [domainKey, durationKey, purposeKey] = ['domain', 'duration', 'purpose'].map(columnOf);
  const category = draft.services.filter((service) => service.category == categoryId);
  asList(table.body).forEach((value, index) => {
    const row = asObject(value) ?? {};
    const name = htmlToText(asString(row[nameKey]) ?? '').text;
    const rowPath = at(at(path, 'body'), index);
    const domain = domainKey ? htmlToText(asString(row[domainKey]) ?? '').text : undefined;
    // A row names a cookie a service (or autoClear) declared already, or a new one for the category's holder.
    const declared = category.flatMap((service) => service.cookies).find((cookie) => matchesDeclared(cookie.name, cookie.prefix, name));
    const [cookie] = declared
      ? [declared]
      : declareCookies(draft, cookieHolder(draft, categoryId, path).cookies, name.replace(/^\^/, ''), domain || undefined, rowPath);
    if (!cookie) return;
    const texts = cookieTexts.get(cookie) ?? { duration: new Map(), purpose: new Map() };
    cookieTexts.set(cookie, texts);
    for (const [key, field] of [
      [durationKey, 'duration'],
      [purposeKey, 'purpose'],
    ] as const) {
      const text = key ? htmlToText(asString(row[key]) ?? '').text : '';
      if (text && !texts[field].has(lang)) texts[field].set(lang, text);
    }
  });
}
