import type { Texts } from '../config/types';
import { en } from './en';
import { PAGE_TEXT_KEYS } from './page-text-keys';

/**
 * The order in which a built language pack file lists its texts (see pack-values.ts): the loader's page
 * texts, then English's keys in en.ts's order (taken from `en` rather than spelled out again, which would
 * cost the UI chunk about 140 B gzip). A pack file built from one release may meet the UI chunk of another
 * (cached, or served from `ui.assetsUrl`), so this list only grows at its end: a new UI text goes at the
 * end of en.ts, a new page text after `...Object.keys(en)`. Moving or removing a key would put every
 * pack's texts under the wrong keys; tests/unit/language-pack-values.test.ts holds the order.
 */
export const PACK_KEYS: readonly (keyof Texts)[] = [...PAGE_TEXT_KEYS, ...(Object.keys(en) as (keyof Texts)[])];
