import type { Texts } from '../config/types';
import { PACK_KEYS } from './pack-keys';

/**
 * A language pack as a script-tag pack file ships it: its texts in PACK_KEYS order, without the key names
 * (about a quarter of each file). A key the pack leaves out is an empty slot, so it falls back to English.
 */
export type PackValues = (string | null | undefined)[];

/** Build side: the pack's texts in PACK_KEYS order, with no trailing empty slots. */
export function packToValues(pack: Partial<Texts>): (string | undefined)[] {
  const values = PACK_KEYS.map((key) => pack[key]);
  while (values.length && values[values.length - 1] === undefined) values.pop();
  return values;
}

/**
 * UI side: a pack's texts under their keys, from either form (the npm build imports the source objects).
 * Empty slots stay out, so English shows through them.
 */
export function textsOfPack(pack: Partial<Texts> | PackValues): Partial<Texts> {
  if (!Array.isArray(pack)) return pack;
  const texts: Partial<Texts> = {};
  PACK_KEYS.forEach((key, index) => pack[index] != null && (texts[key] = pack[index]));
  return texts;
}
