import { parseCookies } from './cookies.mjs';
import { LANGUAGE_COOKIE } from './sessions.mjs';

/** Demo-only cookies set from the playground: a simulated region and Global Privacy Control. */
export const REGION_COOKIE = 'demo_region';
export const GPC_COOKIE = 'demo_gpc';

/** The SDK's own pattern for region codes (src/core/config/patterns.ts). */
export const REGION_CODE = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

/**
 * What the server knows about the visitor when it renders a page: language (cookie, else the
 * browser's Accept-Language), and the simulated region and GPC (query first, so tests and links can
 * set them per request, then the playground's cookies).
 * @param {import('node:http').IncomingMessage} req
 * @param {URL} url
 */
export function readVisitorSignals(req, url) {
  const cookies = parseCookies(req.headers.cookie);
  const chosen = cookies[LANGUAGE_COOKIE];
  /** @type {'en' | 'zh'} */
  const language =
    chosen === 'zh' || chosen === 'en' ? chosen : /^\s*zh\b/i.test(String(req.headers['accept-language'] || '')) ? 'zh' : 'en';
  const regionValue = (url.searchParams.get('region') ?? cookies[REGION_COOKIE] ?? '').toUpperCase();
  const region = REGION_CODE.test(regionValue) ? regionValue : '';
  const gpcQuery = url.searchParams.get('gpc');
  const gpc = gpcQuery !== null ? gpcQuery === '1' : cookies[GPC_COOKIE] === '1';
  return { language, region, gpc };
}
