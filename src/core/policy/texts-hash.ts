import type { Regime, Settings, Texts } from '../config/types';

/**
 * A short fingerprint of what the visitor was shown when they chose: the resolved texts in their language
 * and the parts of the config those texts describe (categories, services, transfer, age thresholds), under
 * the regime that chose the wording. Stored beside the revision in the record and the receipt (GDPR art.
 * 7(1): the site must be able to show what was asked). Not a security hash: it tells versions apart, it
 * does not resist forgery (the consent log's hash chain does that). 53 bits (cyrb53), in base 36: at most
 * 11 characters, synchronous, no crypto API needed in the page.
 */
export function textsHash(settings: Settings, lang: string, texts: Partial<Texts>, regime: Regime): string {
  const { revision, categories, services, crossBorder, minors } = settings;
  return cyrb53(JSON.stringify([revision, lang, regime, texts, categories, services, crossBorder, minors]));
}

function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
