import { REGION } from '../../core/config/patterns';
import { MAX_REVISION } from '../../core/config/limits';
import type { ReceiptRow } from './types';

/**
 * The receipt schema: what POST accepts. Anything that breaks it is refused whole (nothing stored); fields
 * this version does not know are ignored, so a newer SDK still gets its receipts stored. The patterns follow
 * the consent cookie's (src/core/policy/record.ts): an id the visitor can quote, choice ids as in the config.
 */
const CONSENT_ID = /^[\w-]{8,40}$/;
const CHOICE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const WORD = /^[a-z][a-z0-9-]{0,39}$/;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;
const TEXTS_HASH = /^[A-Za-z0-9+/=_-]{4,128}$/;
const MAX_CHOICES = 200;
const MAX_URL = 2048;
const MAX_USER_AGENT = 1024;
/** A decision time outside this window is a broken clock or a forgery, not a receipt. */
const EARLIEST = Date.UTC(2020, 0, 1);
const FUTURE_SLACK_MS = 24 * 3600 * 1000;

export class ReceiptError extends Error {}

type Json = { [key: string]: unknown };

const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);

function choices(receipt: Json, field: string, required: boolean): { [id: string]: boolean } | null {
  const value = receipt[field];
  if (value == null && !required) return null;
  if (!isObject(value)) throw new ReceiptError(`${field} must be an object of id: true|false`);
  const keys = Object.keys(value);
  if (keys.length > MAX_CHOICES) throw new ReceiptError(`${field} has more than ${MAX_CHOICES} entries`);
  const out: { [id: string]: boolean } = {};
  for (const key of keys) {
    if (!CHOICE_ID.test(key)) throw new ReceiptError(`${field}: "${key.slice(0, 40)}" is not a category, service or consent id`);
    if (typeof value[key] !== 'boolean') throw new ReceiptError(`${field}.${key} must be true or false`);
    out[key] = value[key] as boolean;
  }
  return out;
}

function optionalText(receipt: Json, field: string, pattern: RegExp): string | null {
  const value = receipt[field];
  if (value == null || value === '') return null;
  if (typeof value !== 'string' || !pattern.test(value)) throw new ReceiptError(`${field} is malformed`);
  return value;
}

/** The page the choice was made on, without query string or fragment (they may carry personal data). */
export function pageWithoutQuery(url: unknown): string | null {
  if (url == null || url === '') return null;
  if (typeof url !== 'string' || url.length > MAX_URL) throw new ReceiptError(`url must be a string of at most ${MAX_URL} characters`);
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ReceiptError('url must be http(s)');
    return parsed.origin + parsed.pathname;
  } catch (error) {
    if (error instanceof ReceiptError) throw error;
    throw new ReceiptError('url is not a URL');
  }
}

/** Browser family and major version: enough to reproduce what the visitor saw, too little to single them out. */
export function browserOf(userAgent: unknown): string | null {
  if (userAgent == null || userAgent === '') return null;
  if (typeof userAgent !== 'string' || userAgent.length > MAX_USER_AGENT) throw new ReceiptError('userAgent is malformed');
  // Already reduced by the SDK ("Firefox 133"): keep it as it is.
  const reduced = /^([A-Za-z][A-Za-z ]{0,30}) (\d{1,4})$/.exec(userAgent);
  if (reduced) return userAgent;
  // Order matters: Edge and Opera also say Chrome, Chrome also says Safari.
  const families: [string, RegExp][] = [
    ['Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
    ['Opera', /OPR\/(\d+)/],
    ['Samsung Internet', /SamsungBrowser\/(\d+)/],
    ['Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
    ['Chrome', /(?:Chrome|CriOS)\/(\d+)/],
    ['Safari', /Version\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//],
  ];
  for (const [family, pattern] of families) {
    const match = pattern.exec(userAgent);
    if (match) return `${family} ${match[1]}`;
  }
  return 'Other';
}

function isoTime(value: unknown, now: number): string {
  if (typeof value !== 'string' && typeof value !== 'number') throw new ReceiptError('time must be an ISO 8601 date');
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms) || ms < EARLIEST || ms > now + FUTURE_SLACK_MS) throw new ReceiptError('time is not a plausible date');
  return new Date(ms).toISOString();
}

/**
 * Checks a parsed body against the receipt schema and reduces it to what is stored.
 * @throws ReceiptError naming the first field that is wrong
 */
export function validateReceipt(body: unknown, receivedAt: Date, clientAddress: string | null): ReceiptRow {
  if (!isObject(body)) throw new ReceiptError('a receipt is a JSON object');
  const consentId = body.consentId;
  if (typeof consentId !== 'string' || !CONSENT_ID.test(consentId))
    throw new ReceiptError('consentId must be 8-40 letters, digits, _ or -');
  const revision = body.revision;
  if (!Number.isInteger(revision) || (revision as number) < 0 || (revision as number) > MAX_REVISION)
    throw new ReceiptError('revision must be a whole number');
  const method = body.method;
  if (typeof method !== 'string' || !WORD.test(method)) throw new ReceiptError('method is malformed');
  if (body.crossBorder != null && typeof body.crossBorder !== 'boolean') throw new ReceiptError('crossBorder must be true or false');
  return {
    receivedAt: receivedAt.toISOString(),
    consentId,
    decidedAt: isoTime(body.time, receivedAt.getTime()),
    revision: revision as number,
    method,
    via: optionalText(body, 'via', WORD),
    signalOverride: body.signalOverride == null ? null : body.signalOverride === true,
    regime: optionalText(body, 'regime', WORD),
    region: optionalText(body, 'region', REGION),
    // The SDK's record calls it `lang`; `language` is accepted too.
    language: optionalText(body, 'language', LANGUAGE) ?? optionalText(body, 'lang', LANGUAGE),
    categories: choices(body, 'categories', true)!,
    services: choices(body, 'services', false) || {},
    consents: choices(body, 'consents', false),
    crossBorder: body.crossBorder == null ? null : (body.crossBorder as boolean),
    ageGroup: optionalText(body, 'ageGroup', WORD),
    textsHash: optionalText(body, 'textsHash', TEXTS_HASH),
    page: pageWithoutQuery(body.url),
    userAgent: browserOf(body.userAgent),
    clientAddress,
  };
}
