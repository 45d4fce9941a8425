/**
 * The site owner's JSON config (input) and the validated, normalised Settings the SDK runs on.
 * The validator's spec (spec.ts) accepts exactly `ConsentryConfig` (tsc checks it); schema.json is generated from the spec
 * (`npm run docs`: scripts/schema.mjs, with the titles, descriptions and examples of src/node/config-schema/annotations.json).
 */

/** Text in one language, or per language code (`{ "en": "…", "zh": "…" }`). Always rendered as text. */
export type LocalizedText = string | { [lang: string]: string };

/** How a region treats non-essential processing. */
export type Regime = 'opt-in' | 'opt-out' | 'notice-only';

export type BuiltInCategory = 'essential' | 'analytics' | 'advertising';

export interface CategoryConfig {
  /** Lower-case letters, digits and '-'. `essential` is always present and always granted. */
  id: string;
  title?: LocalizedText;
  description?: LocalizedText;
  /**
   * Only on `analytics` or `advertising`: the site does not use this built-in category, so the dialog does not
   * show it, the banner does not name it, and it is never granted. Default false.
   */
  hidden?: boolean;
}

export interface CookieDeclaration {
  /** Exact cookie name, or a pattern where `*` stands for any run of characters (`mp_*_mixpanel`); a prefix when `prefix` is true. */
  name: string;
  prefix?: boolean;
  /** Domain the cookie lives on (without leading dot); defaults to the page's host and its parents. */
  domain?: string;
  /** Human-readable lifetime, shown in the cookie table ("2 years", "session"). */
  duration?: LocalizedText;
  purpose?: LocalizedText;
}

export interface StorageDeclaration {
  /**
   * localStorage / sessionStorage key, or IndexedDB database name with `type: "indexeddb"`; `*` stands for
   * any run of characters; a prefix when `prefix` is true.
   */
  key: string;
  prefix?: boolean;
  /** Default: localStorage and sessionStorage. */
  type?: 'local' | 'session' | 'indexeddb';
  purpose?: LocalizedText;
}

export interface ServiceConfig {
  /** Lower-case letters, digits and '-'; referenced by `data-service`. */
  id: string;
  category: string;
  name?: string;
  provider?: string;
  purpose?: LocalizedText;
  privacyPolicyUrl?: string;
  cookies?: CookieDeclaration[];
  storage?: StorageDeclaration[];
  /** Hosts this service loads from (e.g. "www.google-analytics.com"); subdomains match. */
  hosts?: string[];
  /**
   * Ids of `separateConsents` this service needs besides its category: where one of them is asked, the
   * service (its tags, its `hosts`, rules naming it) is held until the visitor grants it. Default none.
   */
  separateConsents?: string[];
}

export interface CookieSettingsConfig {
  /** Name of the consent cookie. Default "consentry"; on https without `domain` stored as `__Host-<name>`. */
  name?: string;
  /** Domain to share the choice across subdomains (e.g. "example.com"). Default: the page's host only. */
  domain?: string;
  path?: string;
  sameSite?: 'Lax' | 'Strict' | 'None';
  /** Lifetime of a choice in days. Default 182 (6 months); more than 395 (13 months) is refused. */
  expiresDays?: number;
}

export type Layout = 'bar-bottom' | 'bar-top' | 'box' | 'modal';
export type Theme = 'light' | 'dark' | 'auto';

export interface UiConfig {
  layout?: Layout;
  theme?: Theme;
  /** Show a small floating button to reopen the preferences. Default true. */
  floatingButton?: boolean;
  /** Show a close (×) control on the banner; closing means refusal. Default false. */
  closeButton?: boolean;
  privacyPolicyUrl?: string;
  /** Nonce copied to any <style>/<script> the SDK creates (strict CSP). */
  nonce?: string;
  /**
   * Base URL the script-tag build loads its UI chunk and language packs from. Default: next to the loader.
   * Must be on the loader's origin unless `trustedAssetOrigins` lists its origin.
   */
  assetsUrl?: string;
  /** Origins besides the loader's that `assetsUrl` may point to, such as "https://cdn.example.com". Default none. */
  trustedAssetOrigins?: string[];
}

/** Texts a site owner can override per language. Missing keys fall back to the built-in pack. */
export interface Texts {
  bannerTitle: string;
  bannerText: string;
  acceptAll: string;
  rejectAll: string;
  customize: string;
  close: string;
  privacyPolicy: string;
  preferencesTitle: string;
  preferencesText: string;
  save: string;
  alwaysOn: string;
  services: string;
  cookieName: string;
  cookieProvider: string;
  cookiePurpose: string;
  cookieDuration: string;
  consentId: string;
  consentDate: string;
  doNotSell: string;
  gpcHonored: string;
  reopen: string;
  placeholderText: string;
  loadOnce: string;
  alwaysAllow: string;
  crossBorderTitle: string;
  crossBorderText: string;
  ageQuestion: string;
  ageAdult: string;
  ageMinor: string;
  /** Banner sentence listing the optional purposes; `{purposes}` is filled from the configured categories. */
  bannerPurposes: string;
  analyticsPurposes: string;
  advertisingPurposes: string;
  /** PIPL art. 39: how to reach the overseas recipient; `{contact}`. */
  crossBorderContact: string;
  /** Shown beside a minor's advertising switch, which stays off. */
  minorNote: string;
  /** Built-in titles/descriptions used when a built-in category's config leaves them empty. */
  essentialTitle: string;
  essentialDescription: string;
  analyticsTitle: string;
  analyticsDescription: string;
  advertisingTitle: string;
  advertisingDescription: string;
  /** Storage rows of the cookie table: how long a key is kept, after the kind of storage (localStorage, …). */
  untilDeleted: string;
  untilTabClosed: string;
  /** The guardian path (`minors.ask`): its heading, the statement the guardian reads (`{age}`), the confirmation. */
  guardianTitle: string;
  guardianText: string;
  guardianConfirm: string;
  /** Said when "Accept all" or a grant waits for the age question, or for a guardian's confirmation. */
  ageRequired: string;
  guardianRequired: string;
  /** Purposes of the SDK's own cookie and keys, listed under the essential category. */
  sdkCookiePurpose: string;
  sdkCachePurpose: string;
  sdkReceiptsPurpose: string;
  /** Words that join a list of purposes ("a, b and c"): the last joiner of two items ("and"), ... */
  listAnd: string;
  /** ... the separator between items (", "; "、" in Chinese), ... */
  listComma: string;
  /** ... and the last joiner of three or more (", and" in English; defaults to `listAnd`). */
  listLastAnd: string;
  /** Opt-out regions' banner sentence: what runs and that the visitor can opt out; `{purposes}` as in `bannerPurposes`. */
  optOutPurposes: string;
  /** Title of the notice that an opt-out preference signal (GPC, DNT) was honoured. */
  signalHonored: string;
  /** What Global Privacy Control does on this site (the notice, the banner and the dialog). */
  gpcNotice: string;
  /** What Do Not Track does on this site, where `signals.dnt` honours it. */
  dntNotice: string;
  /** That "Accept all" keeps what the signal refuses off, and that switching it on in the dialog overrides the signal. */
  signalOverride: string;
  /** Heading and text of a separate consent to process sensitive personal information (PIPL arts. 28–29); `{recipient}`, `{purpose}`, `{data}`. */
  sensitiveTitle: string;
  sensitiveText: string;
  /** Heading and text of a separate consent to provide personal information to another handler (PIPL art. 23); as `sensitiveText`. */
  provisionTitle: string;
  provisionText: string;
  /** PIPL art. 39 details of every separate consent: `{method}`, `{rights}`. */
  processingMethod: string;
  exerciseRights: string;
  /** Under each separate consent: that "Accept all" does not grant it. */
  separateNote: string;
  /** The "Do Not Sell or Share" view (`data-consent-open="do-not-sell"`): what it does, its button, and its status once done. */
  doNotSellText: string;
  optOutConfirm: string;
  optedOut: string;
  /** The "Limit the Use of My Sensitive Personal Information" view (`data-consent-open="limit-sensitive"`): title, text, button, status. */
  limitSensitive: string;
  limitSensitiveText: string;
  limitConfirm: string;
  limited: string;
}

export interface RegionRule {
  /** ISO 3166-1 alpha-2 country ("DE") or ISO 3166-2 subdivision ("US-CA"); the most specific wins. */
  regions: string[];
  regime: Regime;
}

export interface RegionsConfig {
  /** Regime where no rule matches or the region is unknown. Default "opt-in". */
  default?: Regime;
  rules?: RegionRule[];
  /**
   * Where the visitor's region comes from: a literal code, or "global:NAME" (window[NAME]),
   * or "meta:NAME" (<meta name=NAME content=…>) set by the site's server. No geo-IP lookup.
   */
  source?: string;
}

export interface SignalsConfig {
  /** Honour Global Privacy Control as an opt-out of sale/sharing (advertising). Default true. */
  gpc?: boolean;
  /** Treat Do Not Track as an objection to non-essential processing. Default false. */
  dnt?: boolean;
}

/**
 * CCPA/CPRA opt-outs (the `data-consent-open="do-not-sell"` and `"limit-sensitive"` views): the categories
 * each one refuses. Category ids.
 */
export interface OptOutConfig {
  /** Refused by "Do Not Sell or Share" and by Global Privacy Control. Default ["advertising"]. */
  sale?: string[];
  /** Refused by "Limit the Use of My Sensitive Personal Information". Default none. */
  sensitive?: string[];
}

export interface MinorsConfig {
  /** Ask the visitor's age group. Default false. */
  ask?: boolean;
  /** Age threshold per region code or regime; default: CN 14, EU/UK 16, US 16. */
  thresholds?: { [region: string]: number };
}

export interface CrossBorderConfig {
  /** Recipient outside the visitor's country (PIPL art. 39). */
  recipient: LocalizedText;
  country: string;
  purpose: LocalizedText;
  dataCategories: LocalizedText;
  contact?: string;
}

/**
 * What a separate consent is for (PIPL 单独同意): sending personal information abroad (art. 38–39),
 * processing sensitive personal information (art. 28–29), providing it to another handler (art. 23).
 */
export type SeparateConsentKind = 'transfer' | 'sensitive' | 'provision';

/**
 * A consent asked on its own, never by "Accept all", with what PIPL art. 39 (art. 23, 30) says the
 * visitor must be told about the recipient. Services name it in `separateConsents`.
 */
export interface SeparateConsentConfig {
  /** Lower-case letters, digits and '-'; stored in the record and receipts. */
  id: string;
  kind: SeparateConsentKind;
  /** Who receives the information (for `sensitive`: who processes it). */
  recipient: LocalizedText;
  /** Only for `transfer`, where it is required: the recipient's country (ISO 3166 code). */
  country?: string;
  /** How to reach the recipient (an e-mail address, a postal address, a phone number). */
  contact: string;
  purpose: LocalizedText;
  /** How the information is processed ("collected by a script in your browser, stored for 14 months"). */
  processingMethod: LocalizedText;
  dataCategories: LocalizedText;
  /** How the visitor exercises their rights with the recipient (access, correction, deletion, withdrawal). */
  rights: LocalizedText;
  /**
   * Region codes where the law asks this consent (the most specific match, as in `regions.rules`), or
   * "default" for visitors whose region is unknown. Elsewhere it is neither shown nor needed. Default
   * ["CN", "default"].
   */
  regions?: string[];
}

export interface BlockingRule {
  /** Host (subdomains match) or URL prefix such as "https://cdn.example.com/tags/". */
  match: string;
  category?: string;
  service?: string;
}

export interface BlockingConfig {
  /** Neutralise unmarked third-party tags whose host is known. Default true. */
  autoBlock?: boolean;
  rules?: BlockingRule[];
  /**
   * Which third-party hosts wait for consent. "known" (default): those the built-in tables, `rules` and
   * services' `hosts` name. "hold": every cross-site host (scripts, iframes, images, media, fetch, XHR,
   * beacons) except those declared essential (an essential service's `hosts`, a rule with category
   * "essential") and same-site ones (docs/blocking.md, "Strict third-party mode").
   */
  thirdParty?: 'known' | 'hold';
  /** In "hold" mode, the category whose consent releases a host nothing names. Default "advertising". */
  unknownCategory?: string;
  /** What to do with cookie writes of unknown name: allow, or block until any consent. Default "allow". */
  unknownCookies?: 'allow' | 'block';
  /** Reload after a category is withdrawn, since running scripts cannot be un-run. Default true. */
  reloadOnWithdraw?: boolean;
  /** Recognise vanilla-cookieconsent (`data-category`) and klaro (`data-name`) markup. Default true. */
  aliases?: boolean;
  /**
   * Names used in `data-category` markup that are not categories of this config, each with the category it
   * stands for: `{ "marketing": "advertising", "necessary": "essential" }` lets vanilla-cookieconsent markup
   * run unedited. `consentry migrate` writes it. Read only while `aliases` is on. Default none.
   */
  categoryAliases?: { [name: string]: string };
  /**
   * Name of the Trusted Types policy the SDK creates for the scripts it activates and loads (allow it in
   * CSP's `trusted-types` directive). Default "consentry".
   */
  trustedTypesPolicy?: string;
}

export interface ReceiptsConfig {
  endpoint: string;
}

/** The seven Google Consent Mode v2 consent types. */
export type ConsentType =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

export interface GoogleConsentModeConfig {
  enabled?: boolean;
  mode?: 'basic' | 'advanced';
  waitForUpdate?: number;
  adsDataRedaction?: boolean;
  urlPassthrough?: boolean;
  /** Consent type → category id, overriding the default mapping. */
  mapping?: { [type in ConsentType]?: string };
  /** Per-region defaults: consent type → 'granted' | 'denied' for the listed regions. */
  regionDefaults?: Array<{ regions: string[] } & { [type in ConsentType]?: 'granted' | 'denied' }>;
}

export interface GppConfig {
  enabled?: boolean;
  /** IAB-assigned GPP CMP id. Default 0: none (a site cannot register itself). */
  cmpId?: number;
  /** The owner is an MSPA signatory and treats page views as Covered Transactions. Default false. */
  mspaCoveredTransaction?: boolean;
  /** MSPA mode for Covered Transactions. Default "opt-out-option". */
  mspaMode?: 'opt-out-option' | 'service-provider';
  /** Section ids in force. Default [7] (usnat) when the region is unknown or in the US, else [-1]. */
  applicableSections?: number[];
}

export interface TcfConfig {
  /** The site's registered CMP's IAB id: without it `__tcfapi` is not defined at all. */
  cmpId: number;
  cmpVersion?: number;
  /** Whether GDPR applies to this page's traffic. Default true (a site turns TCF on for EEA visitors). */
  gdprApplies?: boolean;
}

export interface IntegrationsConfig {
  googleConsentMode?: GoogleConsentModeConfig;
  dataLayer?: { enabled?: boolean; name?: string };
  gpp?: GppConfig;
  tcf?: TcfConfig;
  metaPixel?: boolean;
  microsoftUet?: boolean;
}

export interface ConsentryConfig {
  $schema?: string;
  /** Bump when the policy changes materially: visitors with an older record are asked again. */
  revision?: number;
  /** "auto" (default: <html lang>, then the browser) or a language code. */
  language?: string;
  categories?: CategoryConfig[];
  services?: ServiceConfig[];
  cookie?: CookieSettingsConfig;
  texts?: { [lang: string]: Partial<Texts> };
  ui?: UiConfig;
  regions?: RegionsConfig;
  signals?: SignalsConfig;
  optOut?: OptOutConfig;
  minors?: MinorsConfig;
  /** Superseded by `separateConsents`; still read, as the separate consent "cross-border". */
  crossBorder?: CrossBorderConfig;
  /** Consents asked separately (transfer abroad, sensitive information, provision to another handler). */
  separateConsents?: SeparateConsentConfig[];
  blocking?: BlockingConfig;
  receipts?: ReceiptsConfig;
  integrations?: IntegrationsConfig;
}

/* ---------- Settings: validated, defaults applied, frozen ---------- */

export interface CategorySettings {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  /** Only `essential`: always granted, cannot be refused. */
  required: boolean;
}

export interface ServiceSettings extends Required<Pick<ServiceConfig, 'id' | 'category'>> {
  name: string;
  provider: string;
  purpose: LocalizedText;
  privacyPolicyUrl: string;
  cookies: CookieDeclaration[];
  storage: StorageDeclaration[];
  hosts: string[];
  /** Always set by the validator; optional for settings made by hand (tests, the SSR inert instance). */
  separateConsents?: string[];
}

/** A separate consent as validated: every field present (`country` "" unless a transfer). */
export type SeparateConsentSettings = Required<SeparateConsentConfig>;

export interface Settings {
  revision: number;
  language: string;
  categories: CategorySettings[];
  services: ServiceSettings[];
  cookie: Required<Omit<CookieSettingsConfig, 'domain'>> & { domain: string };
  texts: { [lang: string]: Partial<Texts> };
  ui: Required<Omit<UiConfig, 'privacyPolicyUrl' | 'nonce' | 'assetsUrl' | 'trustedAssetOrigins'>> & {
    privacyPolicyUrl: string;
    nonce: string;
    assetsUrl: string;
    /** Always set by the validator; optional for settings made by hand (tests, the SSR inert instance). */
    trustedAssetOrigins?: string[];
  };
  regions: { default: Regime; rules: RegionRule[]; source: string };
  signals: Required<SignalsConfig>;
  /** Absent from settings made by hand (tests, the SSR inert instance): sale is then advertising. */
  optOut?: Required<OptOutConfig>;
  minors: { ask: boolean; thresholds: { [region: string]: number } };
  crossBorder: CrossBorderConfig | null;
  /**
   * Every separate consent, the legacy `crossBorder` among them (id "cross-border"). Always set by the
   * validator; optional for settings made by hand (tests, the SSR inert instance).
   */
  separateConsents?: SeparateConsentSettings[];
  // Strict mode's two keys may be absent from settings made by hand (tests, the SSR inert instance): "known".
  blocking: Required<Omit<BlockingConfig, 'thirdParty' | 'unknownCategory'>> & Pick<BlockingConfig, 'thirdParty' | 'unknownCategory'>;
  receipts: ReceiptsConfig | null;
  integrations: IntegrationsConfig;
}
