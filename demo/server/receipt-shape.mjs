/**
 * The shape of a consent receipt as the SDK posts it (src/parts/receipts.ts), checked on the way in:
 * the endpoint is public, and whatever it stores is later shown on the receipts page. A receipt is
 * stored as the known fields alone, each of its type and within its length, so the page never meets
 * an object where it expects text (`{"region":{"toString":1}}` once made every later render throw).
 */

/** Field → check; a check returns an error message or null. */
const FIELDS = {
  consentId: required(text(100)),
  time: optional(text(40)),
  revision: optional((value) => (Number.isSafeInteger(value) && value >= 0 ? null : 'a whole number ≥ 0')),
  categories: required(choices(50)),
  services: optional(choices(200)),
  method: optional(text(40)),
  region: optional((value) => (value === null ? null : text(16)(value))),
  ageGroup: optional(text(16)),
  crossBorder: optional((value) => (typeof value === 'boolean' ? null : 'true or false')),
  via: optional(text(16)),
  lang: optional(text(16)),
  signalOverride: optional((value) => (typeof value === 'boolean' ? null : 'true or false')),
  url: optional(text(2048)),
  userAgent: optional(text(512)),
};

/** @param {number} max */
function text(max) {
  /** @param {unknown} value */
  return (value) => (typeof value === 'string' && value.length <= max ? null : `text of at most ${max} characters`);
}

/** An object of id → boolean (what the visitor chose per category or service). */
function choices(maxKeys) {
  /** @param {unknown} value */
  return (value) => {
    if (!isPlainObject(value)) return 'an object of id → true/false';
    const entries = Object.entries(/** @type {object} */ (value));
    if (entries.length > maxKeys) return `at most ${maxKeys} ids`;
    const bad = entries.find(([id, granted]) => id.length > 64 || typeof granted !== 'boolean');
    return bad ? `an object of id → true/false (not ${JSON.stringify(bad[0].slice(0, 64))})` : null;
  };
}

/** @param {(value: unknown) => string | null} check */
function required(check) {
  return (/** @type {unknown} */ value) => (value === undefined ? 'required' : check(value));
}

/** @param {(value: unknown) => string | null} check */
function optional(check) {
  return (/** @type {unknown} */ value) => (value === undefined ? null : check(value));
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isPlainObject(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The receipt to store (known fields only), or why it is refused.
 * @param {unknown} value parsed JSON
 * @returns {{ receipt: Record<string, unknown> } | { error: string }}
 */
export function readReceipt(value) {
  if (!isPlainObject(value)) return { error: 'Not a consent receipt: expected a JSON object' };
  /** @type {Record<string, unknown>} */
  const receipt = {};
  for (const [field, check] of Object.entries(FIELDS)) {
    const own = Object.hasOwn(value, field) ? value[field] : undefined;
    const problem = check(own);
    if (problem) return { error: `Not a consent receipt: "${field}" must be ${problem}` };
    if (own !== undefined) receipt[field] = own;
  }
  if (/** @type {string} */ (receipt.consentId).length === 0) return { error: 'Not a consent receipt: "consentId" is empty' };
  return { receipt };
}
