import {
  boolean,
  type Check,
  type CheckContext,
  type Checked,
  either,
  fail,
  integer,
  list,
  map,
  narrow,
  object,
  oneOf,
  refine,
  text,
} from './checks';
import { MAX_EXPIRES_DAYS, MAX_ID, MAX_REVISION, RECOMMENDED_EXPIRES_DAYS } from './limits';
import {
  ALIAS_NAME,
  COOKIE_PATH,
  DATA_LAYER_NAME,
  DECLARED_NAME,
  HOST,
  ID,
  LANGUAGE,
  LANGUAGE_OR_AUTO,
  NONCE,
  ORIGIN,
  TT_POLICY,
  REGION,
  REGION_OR_DEFAULT,
  REGION_SOURCE,
  SITE_URL,
  TOKEN,
  URL_LIKE,
} from './patterns';
import type { Canon, Fits } from './same-shape';
import { TEXT_KEYS } from './text-keys';
import type { ConsentType, ConsentryConfig, LocalizedText, Texts } from './types';

/*
 * Every check here is built from the combinators of checks.ts, never written by hand: scripts/schema.mjs reads this
 * file through their describing twins (src/node/config-schema/describe-checks.ts) to write schema.json, and stops
 * at a check it cannot describe. A rule a JSON Schema cannot state (references, ids declared once, warnings, rules
 * across fields) goes in a `refine` step, which the schema leaves out: it may only refuse more.
 */

/** Categories every config has, in this order; a config may re-declare them to change their texts. */
export const BUILT_IN_CATEGORIES = ['essential', 'analytics', 'advertising'];

/** The seven Google Consent Mode v2 consent types. */
export const CONSENT_TYPES: ConsentType[] = [
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
const localized: Check<LocalizedText> = either('string', plainText, perLanguage);
const id = text("must be lower-case letters, digits and '-', and not constructor or prototype", ID, MAX_ID);
const region = text('must be a region code such as "DE" or "US-CA"', REGION);
const host = text('must be a host name such as "example.com"', HOST, 253);
/**
 * A link or endpoint: the scheme-less `www.example.com/privacy` gets its own hint, since browsers read it as a
 * path. (The hint is concatenated, not a template: the built files carry no "https://…" that reads as an origin.)
 */
const url = narrow(
  text('must be an http(s) URL or a path such as "/privacy"', URL_LIKE),
  SITE_URL,
  (valid) => 'has no scheme, so browsers read it as a path of the page: write "https://' + valid + '", or a path starting with "/"',
);
const TOKEN_HINT = 'must not be empty nor contain ";", ",", "=", spaces or control characters';
const token = text(TOKEN_HINT, TOKEN);
const regime = oneOf('opt-in', 'opt-out', 'notice-only');

/**
 * A declared cookie name or storage key: exact, or with `*` for any run of characters anywhere (`mp_*_mixpanel`),
 * matched as the catalogue's names are (src/core/classify/name-pattern.ts). Only a name of nothing but `*` is refused:
 * it would file every cookie of the site under one service, and a withdrawal would delete them all.
 */
const declaredName = narrow(
  token,
  DECLARED_NAME,
  () => 'would match every name: write the part the names share around "*", such as "mp_*_mixpanel"',
);

const isCategory = (valid: string, context: CheckContext) =>
  (BUILT_IN_CATEGORIES.includes(valid) || context._categories.has(valid)) && !context._hidden.has(valid);

/**
 * An id of `kind` that the config declares (each once; built-in categories may be re-declared once to
 * change their texts; a service never takes a category's id, since `isGranted(id)` takes either) or
 * refers to (it must exist; built-in categories always do).
 */
const idOf = (kind: 'category' | 'service', declares?: boolean) =>
  refine(id, (valid, path, context) => {
    const services = kind == 'service';
    const declared = context[services ? '_services' : '_categories'];
    const hint = declares
      ? declared.has(valid)
        ? 'is declared twice'
        : services && isCategory(valid, context) && 'is a category id'
      : !(services ? declared.has(valid) : isCategory(valid, context)) &&
        (context._hidden.has(valid) ? 'is a hidden category (categories[].hidden)' : 'is not a declared ' + kind);
    return hint ? fail(context, path, valid, hint) : (declares && declared.add(valid), valid);
  });
const categoryRef = idOf('category');

/**
 * A category. `hidden: true` turns off a built-in the site does not use (`analytics`, `advertising`): not in
 * the dialog, not named by the banner, never granted; nothing else in the config may then refer to it.
 */
const category = refine(
  object({ id: idOf('category', true), title: localized, description: localized, hidden: boolean }, ['id']),
  (valid, path, context) => {
    if (valid.hidden && valid.id)
      valid.id == 'essential' || !BUILT_IN_CATEGORIES.includes(valid.id)
        ? fail(context, path + '.hidden', undefined, 'can only hide "analytics" or "advertising"; leave a category of your own out instead')
        : context._hidden.add(valid.id);
    return valid;
  },
);

/** A name of old `data-category` markup: not one of the config's categories, which the markup names already. */
const aliasName = refine(text(TOKEN_HINT + ', nor be __proto__, constructor or prototype', ALIAS_NAME, MAX_ID), (valid, path, context) =>
  isCategory(valid, context) ? fail(context, path, valid, 'is a category already') : valid,
);

const expiresDays = refine(integer(1, MAX_EXPIRES_DAYS), (valid, path, context) => {
  if (valid > RECOMMENDED_EXPIRES_DAYS && context._onWarning)
    context._onWarning(path + ': ' + valid + ' days is longer than the recommended ' + RECOMMENDED_EXPIRES_DAYS + ' (6 months)');
  return valid;
});

/** A separate consent's id: declared once, by `separateConsents` (or, as "cross-border", by the legacy `crossBorder`). */
const consentId = refine(id, (valid, path, context) =>
  context._consents!.has(valid) ? fail(context, path, valid, 'is declared twice') : (context._consents!.add(valid), valid),
);

/** A service's `separateConsents` entry: the id of a separate consent declared above it. */
const consentRef = refine(id, (valid, path, context) =>
  context._consents!.has(valid) ? valid : fail(context, path, valid, 'is not a declared separate consent (separateConsents[].id)'),
);

const regionOrDefault = text('must be a region code such as "CN" or "default"', REGION_OR_DEFAULT);

/**
 * One consent asked on its own (PIPL 单独同意), with everything art. 39 says the visitor must be told about
 * the recipient; a transfer abroad also names the recipient's country.
 */
const separateConsent = refine(
  object(
    {
      id: consentId,
      kind: oneOf('transfer', 'sensitive', 'provision'),
      recipient: localized,
      country: region,
      contact: plainText,
      purpose: localized,
      processingMethod: localized,
      dataCategories: localized,
      rights: localized,
      regions: list(regionOrDefault),
    },
    ['id', 'kind', 'recipient', 'contact', 'purpose', 'processingMethod', 'dataCategories', 'rights'],
  ),
  (valid, path, context) =>
    valid.kind == 'transfer' && !('country' in valid)
      ? fail(context, path + '.country', undefined, 'is required for a transfer abroad (PIPL art. 39)')
      : valid,
);

/**
 * The first, one-recipient form of a transfer consent: still valid, read as the separate consent
 * "cross-border". It cannot say how the information is processed nor how to exercise rights, so it warns.
 */
const legacyCrossBorder = refine(
  object({ recipient: localized, country: region, purpose: localized, dataCategories: localized, contact: plainText }, [
    'recipient',
    'country',
    'purpose',
    'dataCategories',
  ]),
  (valid, path, context) => {
    context._consents!.add('cross-border');
    context._onWarning?.(
      path + ': superseded by "separateConsents", which also say how data is processed and how to exercise rights (PIPL art. 39)',
    );
    return valid;
  },
);

const typesTo = <T>(item: Check<T>) => Object.fromEntries(CONSENT_TYPES.map((type) => [type, item])) as { [type in ConsentType]: Check<T> };

/**
 * The whole `ConsentryConfig`, as a table of checks (schema.json, generated from it, says the same for editors).
 * The order is the order of checking: ids are declared before anything refers to them.
 */
export const configSpec = object({
  $schema: plainText,
  revision: integer(0, MAX_REVISION),
  language: text('must be "auto" or a language code such as "en" or "zh-Hans"', LANGUAGE_OR_AUTO),
  categories: list(category),
  // Before services, which refer to them.
  crossBorder: legacyCrossBorder,
  separateConsents: list(separateConsent),
  services: list(
    object(
      {
        id: idOf('service', true),
        category: categoryRef,
        name: plainText,
        provider: plainText,
        purpose: localized,
        privacyPolicyUrl: url,
        cookies: list(object({ name: declaredName, prefix: boolean, domain: host, duration: localized, purpose: localized }, ['name'])),
        storage: list(
          object({ key: declaredName, prefix: boolean, type: oneOf('local', 'session', 'indexeddb'), purpose: localized }, ['key']),
        ),
        hosts: list(host),
        separateConsents: list(consentRef),
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
  texts: map(language, object(Object.fromEntries(TEXT_KEYS.map((key) => [key, plainText])) as { [key in keyof Texts]: Check<string> })),
  ui: object({
    layout: oneOf('bar-bottom', 'bar-top', 'box', 'modal'),
    theme: oneOf('light', 'dark', 'auto'),
    floatingButton: boolean,
    closeButton: boolean,
    privacyPolicyUrl: url,
    nonce: text('must be base64 characters', NONCE),
    assetsUrl: url,
    trustedAssetOrigins: list(text('must be an origin: http(s), a host and an optional port, nothing after', ORIGIN)),
  }),
  regions: object({
    default: regime,
    rules: list(object({ regions: list(region), regime }, ['regions', 'regime'])),
    source: text('must be a region code, "global:NAME" or "meta:NAME"', REGION_SOURCE),
  }),
  signals: object({ gpc: boolean, dnt: boolean }),
  optOut: object({ sale: list(categoryRef), sensitive: list(categoryRef) }),
  minors: object({
    ask: boolean,
    thresholds: map(text('must be a region code such as "CN" or "default"', REGION_OR_DEFAULT), integer(1, 21)),
  }),
  // In strict mode unknown hosts wait for `unknownCategory`, by default "advertising". With that category hidden
  // they would never load, silently: the owner must name the category that releases them.
  blocking: refine(
    object({
      autoBlock: boolean,
      rules: list(
        object(
          { match: text('must be a host name or URL prefix', URL_LIKE), category: categoryRef, service: idOf('service') },
          ['match'],
          ['category', 'service'],
        ),
      ),
      thirdParty: oneOf('known', 'hold'),
      unknownCategory: categoryRef,
      unknownCookies: oneOf('allow', 'block'),
      reloadOnWithdraw: boolean,
      aliases: boolean,
      categoryAliases: map(aliasName, categoryRef),
      trustedTypesPolicy: text('must be a Trusted Types policy name (letters, digits and - # = _ / @ . %)', TT_POLICY),
    }),
    (valid, path, context) =>
      valid.thirdParty == 'hold' && !valid.unknownCategory && context._hidden.has('advertising')
        ? fail(
            context,
            path + '.unknownCategory',
            undefined,
            'is required in "hold" mode while "advertising" is hidden: unknown hosts would never load',
          )
        : valid,
  ),
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
    dataLayer: object({
      enabled: boolean,
      name: text(
        'must be a JavaScript name such as "dataLayer", and not one the page has already (window, document, location, Consentry…)',
        DATA_LAYER_NAME,
      ),
    }),
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

/**
 * What the spec accepts is exactly `ConsentryConfig`: the same keys, nesting, optionality and value types,
 * both ways. tsc reports a drift here, naming the first property that differs.
 */
export type SpecMatchesTypes = [
  Fits<Canon<ConsentryConfig>, Canon<Checked<typeof configSpec>>>,
  Fits<Canon<Checked<typeof configSpec>>, Canon<ConsentryConfig>>,
];
