import { REGION } from '../config/patterns';
import { MAX_REVISION } from '../config/limits';
import type { AgeGroup, ConsentMethod, ConsentRecord, ConsentVia } from './types';

/**
 * Wire format of the consent cookie, version 1 — compact, cookie-safe without escaping, strictly parsed:
 *   1|id|time36|revision|categories|services|method|expires36|region|age|crossBorder|via|lang|signalOverride
 * The last three were added later: a record with the first eleven fields only still reads.
 * categories/services: ids joined by '.', a refused one prefixed with '!'  (e.g. "analytics.!advertising").
 * Anything that does not match exactly is "no consent": a corrupt or foreign cookie never crashes the page.
 */
const VERSION = '1';
const MAX_LENGTH = 2048;
const METHODS: { [code: string]: ConsentMethod } = {
  a: 'accept-all', r: 'reject-all', c: 'custom', x: 'close', g: 'gpc', d: 'dnt', n: 'region-default', p: 'api',
};
const AGES: { [code: string]: AgeGroup } = { a: 'adult', m: 'minor' };
const VIAS: { [code: string]: ConsentVia } = { b: 'banner', d: 'dialog', h: 'placeholder', p: 'api', g: 'gpc', t: 'dnt' };
const LANG = /^([a-z]{2,3})?$/;
const ID = /^[\w-]{8,40}$/;
const BASE36 = /^[0-9a-z]{1,12}$/;
const CHOICE = /^!?[a-z0-9-]{1,40}$/;

const codeOf = (map: { [code: string]: string }, value: string | undefined) =>
  Object.keys(map).find((code) => map[code] === value) || '';

const encodeChoices = (choices: { [id: string]: boolean }) =>
  Object.keys(choices).map((id) => (choices[id] ? id : '!' + id)).join('.');

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
    codeOf(AGES, record.ageGroup),
    record.crossBorder == null ? '' : record.crossBorder ? '1' : '0',
    codeOf(VIAS, record.via),
    record.lang && LANG.test(record.lang) ? record.lang : '',
    record.signalOverride ? '1' : '',
  ].join('|');
}

/** Returns the record, or null for anything malformed, truncated, oversized or foreign. */
export function decodeRecord(value: unknown): ConsentRecord | null {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return null;
  const f = value.split('|');
  if ((f.length !== 11 && f.length !== 14) || f[0] !== VERSION) return null;
  const [, id, time36, revision, cats, services, method, expires36, region, age, crossBorder, via = '', lang = '', override = ''] = f;
  if (!ID.test(id) || !BASE36.test(time36) || !BASE36.test(expires36) || !/^\d{1,10}$/.test(revision) || +revision > MAX_REVISION) return null;
  if (!METHODS[method] || (region && !REGION.test(region)) || (age && !AGES[age]) || !/^[01]?$/.test(crossBorder)) return null;
  if ((via && !VIAS[via]) || !LANG.test(lang) || !/^1?$/.test(override)) return null;
  const categories = decodeChoices(cats);
  const serviceChoices = decodeChoices(services);
  const timeMs = parseInt(time36, 36);
  const expires = parseInt(expires36, 36);
  if (!categories || !serviceChoices || expires <= timeMs) return null;
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
  if (age) record.ageGroup = AGES[age];
  if (crossBorder) record.crossBorder = crossBorder === '1';
  if (via) record.via = VIAS[via];
  if (lang) record.lang = lang;
  if (override) record.signalOverride = true;
  return record;
}
