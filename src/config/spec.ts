import { boolean, fail, integer, list, map, object, oneOf, text, type Check, type CheckContext } from './checks';
import { MAX_EXPIRES_DAYS, MAX_ID, MAX_REVISION, RECOMMENDED_EXPIRES_DAYS } from './limits';
import {
  COOKIE_PATH,
  HOST,
  ID,
  JS_NAME,
  LANGUAGE,
  LANGUAGE_OR_AUTO,
  NONCE,
  TT_POLICY,
  REGION,
  REGION_OR_DEFAULT,
  REGION_SOURCE,
  TEXT_KEY,
  TOKEN,
  URL_LIKE,
} from './patterns';

/** Categories every config has, in this order; a config may re-declare them to change their texts. */
export const BUILT_IN_CATEGORIES = ['essential', 'analytics', 'advertising'];

/** The seven Google Consent Mode v2 consent types. */
export const CONSENT_TYPES = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
];

const plainText = text('must be text');
const language = text('must be a language code such as "en" or "zh-Hans"', LANGUAGE);
const perLanguage = map(language, plainText, 'must be text, or an object of language code to text');
const localized: Check = (value, path, context) => (typeof value == 'string' ? plainText : perLanguage)(value, path, context);
const id = text("must be lower-case letters, digits and '-'", ID, MAX_ID);
const region = text('must be a region code such as "DE" or "US-CA"', REGION);
const host = text('must be a host name such as "example.com"', HOST, 253);
const url = text('must be an http(s) or relative URL', URL_LIKE);
const TOKEN_HINT = 'must not be empty nor contain ";", ",", "=", spaces or control characters';
const token = text(TOKEN_HINT, TOKEN);
const regime = oneOf('opt-in', 'opt-out', 'notice-only');

const isCategory = (valid: string, context: CheckContext) =>
  BUILT_IN_CATEGORIES.includes(valid) || context._categories.has(valid);

/**
 * An id of `kind` that the config declares (each once; built-in categories may be re-declared once to
 * change their texts; a service never takes a category's id, since `isGranted(id)` takes either) or
 * refers to (it must exist; built-in categories always do).
 */
const idOf =
  (kind: 'category' | 'service', declares?: boolean): Check =>
  (value, path, context) => {
    const valid = id(value, path, context);
    const services = kind == 'service';
    const declared = context[services ? '_services' : '_categories'];
    const hint = declares
      ? declared.has(valid)
        ? 'is declared twice'
        : services && isCategory(valid, context) && 'is a category id'
      : !(services ? declared.has(valid) : isCategory(valid, context)) && 'is not a declared ' + kind;
    return valid && (hint ? fail(context, path, valid, hint) : (declares && declared.add(valid), valid));
  };
const categoryRef = idOf('category');

/** A name of old `data-category` markup: not one of the config's categories, which the markup names already. */
const aliasName: Check = (value, path, context) => {
  const valid = text(TOKEN_HINT, TOKEN, MAX_ID)(value, path, context);
  return valid && isCategory(valid, context) ? fail(context, path, valid, 'is a category already') : valid;
};

const expiresDays: Check = (value, path, context) => {
  const valid = integer(1, MAX_EXPIRES_DAYS)(value, path, context);
  if (valid > RECOMMENDED_EXPIRES_DAYS && context._onWarning)
    context._onWarning(path + ': ' + valid + ' days is longer than the recommended ' + RECOMMENDED_EXPIRES_DAYS + ' (6 months)');
  return valid;
};

const typesTo = (item: Check) => Object.fromEntries(CONSENT_TYPES.map((type) => [type, item]));

/** The whole `ConsentryConfig`, as a table of checks (schema.json says the same for editors). */
export const configSpec: Check = object({
  $schema: plainText,
  revision: integer(0, MAX_REVISION),
  language: text('must be "auto" or a language code such as "en" or "zh-Hans"', LANGUAGE_OR_AUTO),
  categories: list(object({ id: idOf('category', true), title: localized, description: localized }, ['id'])),
  services: list(
    object(
      {
        id: idOf('service', true),
        category: categoryRef,
        name: plainText,
        provider: plainText,
        purpose: localized,
        privacyPolicyUrl: url,
        cookies: list(
          object({ name: token, prefix: boolean, domain: host, duration: localized, purpose: localized }, ['name']),
        ),
        storage: list(
          object({ key: token, prefix: boolean, type: oneOf('local', 'session', 'indexeddb'), purpose: localized }, ['key']),
        ),
        hosts: list(host),
      },
      ['id', 'category'],
    ),
  ),
  cookie: object({
    name: token,
    domain: host,
    path: text('must start with "/" and contain no ";", ",", spaces or control characters', COOKIE_PATH),
    sameSite: oneOf('Lax', 'Strict', 'None'),
    expiresDays,
  }),
  texts: map(
    language,
    map(text('must be a text key such as "bannerTitle"', TEXT_KEY), plainText),
  ),
  ui: object({
    layout: oneOf('bar-bottom', 'bar-top', 'box', 'modal'),
    theme: oneOf('light', 'dark', 'auto'),
    floatingButton: boolean,
    closeButton: boolean,
    privacyPolicyUrl: url,
    nonce: text('must be base64 characters', NONCE),
    assetsUrl: url,
  }),
  regions: object({
    default: regime,
    rules: list(object({ regions: list(region), regime }, ['regions', 'regime'])),
    source: text('must be a region code, "global:NAME" or "meta:NAME"', REGION_SOURCE),
  }),
  signals: object({ gpc: boolean, dnt: boolean }),
  minors: object({
    ask: boolean,
    thresholds: map(
      text('must be a region code such as "CN" or "default"', REGION_OR_DEFAULT),
      integer(1, 21),
    ),
  }),
  crossBorder: object(
    { recipient: localized, country: region, purpose: localized, dataCategories: localized, contact: plainText },
    ['recipient', 'country', 'purpose', 'dataCategories'],
  ),
  blocking: object({
    autoBlock: boolean,
    rules: list(
      object(
        { match: text('must be a host name or URL prefix', URL_LIKE), category: categoryRef, service: idOf('service') },
        ['match'],
        ['category', 'service'],
      ),
    ),
    unknownCookies: oneOf('allow', 'block'),
    reloadOnWithdraw: boolean,
    aliases: boolean,
    categoryAliases: map(aliasName, categoryRef),
    trustedTypesPolicy: text('must be a Trusted Types policy name (letters, digits and - # = _ / @ . %)', TT_POLICY),
  }),
  receipts: object({ endpoint: url }, ['endpoint']),
  integrations: object({
    googleConsentMode: object({
      enabled: boolean,
      mode: oneOf('basic', 'advanced'),
      waitForUpdate: integer(0, 10000),
      adsDataRedaction: boolean,
      urlPassthrough: boolean,
      mapping: object(typesTo(categoryRef)),
      regionDefaults: list(object({ regions: list(region), ...typesTo(oneOf('granted', 'denied')) }, ['regions'])),
    }),
    dataLayer: object({ enabled: boolean, name: text('must be a JavaScript name such as "dataLayer"', JS_NAME) }),
    gpp: object({
      enabled: boolean,
      cmpId: integer(0, 4095),
      mspaCoveredTransaction: boolean,
      mspaMode: oneOf('opt-out-option', 'service-provider'),
      applicableSections: list(integer(-1, 255)),
    }),
    tcf: object({ cmpId: integer(1, 4095), cmpVersion: integer(1, 4095), gdprApplies: boolean }, ['cmpId']),
    metaPixel: boolean,
    microsoftUet: boolean,
  }),
});
