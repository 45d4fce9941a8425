/*
 * The shapes of config strings. schema.json, generated from the spec (scripts/schema.mjs), states these sources as
 * its `pattern`s, which take no flags: so none here either, and case is spelled out in the character classes.
 */

/** Category and service ids; never `constructor` or `prototype`, which an object reaches through its prototype. */
export const ID = /^(?!(constructor|prototype)$)[a-z0-9-]+$/;
export const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const LANGUAGE_OR_AUTO = /^(auto|[a-z]{2,3}(-[A-Za-z0-9]{2,8})*)$/;
/** ISO 3166-1 alpha-2 country, or ISO 3166-2 subdivision. */
export const REGION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
export const REGION_OR_DEFAULT = /^([A-Z]{2}(-[A-Z0-9]{1,3})?|default)$/;
export const REGION_SOURCE = /^([A-Z]{2}(-[A-Z0-9]{1,3})?|global:[A-Za-z_$][\w$.]*|meta:[\w.:-]+)$/;
/** Dot-separated labels of letters, digits and inner '-'; the 253-character cap is a length limit. */
export const HOST = /^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*$/;
/**
 * Cookie and storage names: nothing that could end the name and start a cookie attribute
 * (`;`, `,`, `=`), no whitespace, no control characters.
 */
export const TOKEN = /^[^;,=\s\x00-\x1f\x7f]+$/;
/**
 * A declared cookie name or storage key: a TOKEN with at least one character that is not `*`. A `*` stands for
 * any run of characters (src/core/classify/name-pattern.ts); a name of `*` alone would match every cookie of the
 * site, and a withdrawal would delete them all.
 */
export const DECLARED_NAME = /^[^;,=\s\x00-\x1f\x7f]*[^;,=\s\x00-\x1f\x7f*][^;,=\s\x00-\x1f\x7f]*$/;
/** A name of old `data-category` markup (`blocking.categoryAliases` keys): a TOKEN that names no prototype member. */
export const ALIAS_NAME = /^(?!(__proto__|constructor|prototype)$)[^;,=\s\x00-\x1f\x7f]+$/;
export const COOKIE_PATH = /^\/[^;,\s\x00-\x1f\x7f]*$/;
/**
 * http(s) with a host, or relative (no scheme at all), so `javascript:` and `data:` can never get in.
 * Linear: one host character is enough to rule out `https:///`, the rest is checked by the tail.
 * No whitespace, control characters or backslashes, which browsers strip or rewrite before parsing.
 */
export const URL_LIKE = /^(https?:\/\/[^\x00-\x20\x7f\\/?#]|(?![a-zA-Z][a-zA-Z0-9+.-]*:)(?=.))[^\x00-\x20\x7f\\]*$/;
/**
 * A link or endpoint of the config: http(s) with a host, or a path from the site's root (`/privacy`), or one
 * written as relative (`./`, `../`, `?`, `#`). A bare `www.example.com/privacy` would be read as a path of
 * whichever page shows it, so it is refused (with its `https://` form as the hint).
 */
export const SITE_URL = /^(https?:\/\/[^\x00-\x20\x7f\\/?#]|[/?#]|\.\.?\/)[^\x00-\x20\x7f\\]*$/;
export const NONCE = /^[A-Za-z0-9+/=_-]+$/;
/** A Trusted Types policy name as CSP's `trusted-types` directive spells it. */
export const TT_POLICY = /^[A-Za-z0-9#=_/@.%-]+$/;
/**
 * `integrations.dataLayer.name`: a JavaScript name, but not one every page already holds something else under
 * (`window.location`, the `Consentry` API, the SDK's own `__consentry…` globals): pushing onto those would throw
 * while configuring. Names a page alone defines are checked when the SDK runs (src/loader/effects/integrations/page-list.ts).
 */
export const DATA_LAYER_NAME =
  /^(?!(window|self|top|parent|frames|opener|document|location|history|navigator|name|status|origin|length|closed|gtag|Consentry)$|__consentry)[A-Za-z_$][\w$]*$/;
/** An http(s) origin as `URL.origin` spells it: scheme, host and port, nothing after. */
export const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/;
