import { CROSS_BORDER_ID } from '../config/defaults';
import { REGION } from '../config/patterns';
import { MAX_REVISION } from '../config/limits';
import type { Regime } from '../config/types';
import type { AgeGroup, ConsentMethod, ConsentRecord, ConsentVia } from './types';

/**
 * Wire format of the consent cookie, version 1 — compact, cookie-safe without escaping, strictly parsed:
 *   1|id|time36|revision|categories|services|method|expires36|region|age|consents|via|lang|signalOverride|regime|textsHash
 * via, lang and signalOverride were added later, regime and textsHash after them: a record with the first
 * eleven or fourteen fields only still reads.
 * The age group is never written (the field stays, empty, so older records still read): any script the
 * visitor granted can read this cookie, and the grants it holds already say what the age allowed. For the
 * same reason a guardian's choice is written without its via. Both go to the receipt only (receipts.ts).
 * categories/services/consents: ids joined by '.', a refused one prefixed with '!'  (e.g. "analytics.!advertising").
 * consents (the separate consents) was first one flag, "1" or "0", for the one cross-border consent: such a
 * record still reads, as the consent "cross-border".
 * Anything that does not match exactly is "no consent": a corrupt or foreign cookie never crashes the page.
 */
const VERSION = '1';
const MAX_LENGTH = 2048;
const METHODS: { [code: string]: ConsentMethod } = {
  a: 'accept-all',
  r: 'reject-all',
  c: 'custom',
  x: 'close',
  g: 'gpc',
  d: 'dnt',
  n: 'region-default',
  p: 'api',
  s: 'do-not-sell',
  l: 'limit-sensitive',
};
const AGES: { [code: string]: AgeGroup } = { a: 'adult', m: 'minor' };
const VIAS: { [code: string]: ConsentVia } = {
  b: 'banner',
  d: 'dialog',
  h: 'placeholder',
  p: 'api',
  g: 'gpc',
  t: 'dnt',
  o: 'opt-out-link',
};
const REGIMES: { [code: string]: Regime } = { i: 'opt-in', o: 'opt-out', n: 'notice-only' };
const TEXTS_HASH = /^[0-9a-z]{0,16}$/;
const LANG = /^([a-z]{2,3})?$/;
const ID = /^[\w-]{8,40}$/;
const BASE36 = /^[0-9a-z]{1,12}$/;
const CHOICE = /^!?[a-z0-9-]{1,40}$/;

const codeOf = (map: { [code: string]: string }, value: string | undefined) => Object.keys(map).find((code) => map[code] === value) || '';

const encodeChoices = (choices: { [id: string]: boolean }) =>
  Object.keys(choices)
    .map((id) => (choices[id] ? id : '!' + id))
    .join('.');

function decodeChoices(text: string): { [id: string]: boolean } | null {
  const choices: { [id: string]: boolean } = {};
  if (!text) return choices;
  for (const part of text.split('.')) {
    if (!CHOICE.test(part)) return null;
    const refused = part[0] === '!';
    choices[refused ? part.slice(1) : part] = !refused;
  }
  return choices;
}

export function encodeRecord(record: ConsentRecord): string {
  return [
    VERSION,
    record.id,
    record.time.toString(36),
    record.revision,
    encodeChoices(record.categories),
    encodeChoices(record.services),
    codeOf(METHODS, record.method),
    record.expires.toString(36),
    record.region || '',
    '',
    record.consents ? encodeChoices(record.consents) : record.crossBorder == null ? '' : record.crossBorder ? '1' : '0',
    codeOf(VIAS, record.via),
    record.lang && LANG.test(record.lang) ? record.lang : '',
    record.signalOverride ? '1' : '',
    codeOf(REGIMES, record.regime),
    record.textsHash && TEXTS_HASH.test(record.textsHash) ? record.textsHash : '',
  ].join('|');
}

/** Returns the record, or null for anything malformed, truncated, oversized or foreign. */
export function decodeRecord(value: unknown): ConsentRecord | null {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return null;
  const f = value.split('|');
  if ((f.length !== 11 && f.length !== 14 && f.length !== 16) || f[0] !== VERSION) return null;
  const [
    ,
    id,
    time36,
    revision,
    cats,
    services,
    method,
    expires36,
    region,
    age,
    separate,
    via = '',
    lang = '',
    override = '',
    regime = '',
    textsHash = '',
  ] = f;
  if (!ID.test(id) || !BASE36.test(time36) || !BASE36.test(expires36) || !/^\d{1,10}$/.test(revision) || +revision > MAX_REVISION)
    return null;
  if (!METHODS[method] || (region && !REGION.test(region)) || (age && !AGES[age])) return null;
  if ((via && !VIAS[via]) || !LANG.test(lang) || !/^1?$/.test(override) || (regime && !REGIMES[regime]) || !TEXTS_HASH.test(textsHash))
    return null;
  const categories = decodeChoices(cats);
  const serviceChoices = decodeChoices(services);
  const consents = /^[01]$/.test(separate) ? { [CROSS_BORDER_ID]: separate == '1' } : decodeChoices(separate);
  const timeMs = parseInt(time36, 36);
  const expires = parseInt(expires36, 36);
  if (!categories || !serviceChoices || !consents || expires <= timeMs) return null;
  const record: ConsentRecord = {
    id,
    time: timeMs,
    revision: +revision,
    categories,
    services: serviceChoices,
    method: METHODS[method],
    expires,
  };
  if (region) record.region = region;
  // Only records written before the age group left the cookie have one.
  if (age) record.ageGroup = AGES[age];
  if (separate) record.consents = consents;
  if (Object.hasOwn(consents, CROSS_BORDER_ID)) record.crossBorder = consents[CROSS_BORDER_ID];
  if (via) record.via = VIAS[via];
  if (lang) record.lang = lang;
  if (override) record.signalOverride = true;
  if (regime) record.regime = REGIMES[regime];
  if (textsHash) record.textsHash = textsHash;
  return record;
}
