/*
 * Ceilings that keep a hostile or broken config from blowing up the page (issue 9).
 * schema.json states them because it is generated from the spec that uses them (scripts/schema.mjs).
 */

/** Roughly 256 KB of text (strings, keys and list items counted) in one config. */
export const MAX_CONFIG_SIZE = 262144;
/** Items in any one list (services, cookies, rules, hosts…). */
export const MAX_ITEMS = 2000;
/** Characters in any one text, so config texts cannot flood the DOM. */
export const MAX_TEXT = 5000;
/** Characters in a category or service id (they end up in the consent cookie). */
export const MAX_ID = 40;
/** Revisions may be dates such as 20250131; 2^31 - 1 keeps them a small integer. */
export const MAX_REVISION = 2147483647;
/** 13 months: the longest a choice may be kept. */
export const MAX_EXPIRES_DAYS = 395;
/** 6 months: the default, and the point past which a longer lifetime is warned about. */
export const RECOMMENDED_EXPIRES_DAYS = 182;
