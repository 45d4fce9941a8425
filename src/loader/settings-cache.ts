import { deepFreeze } from '../core/config/deep-freeze';
import type { Settings } from '../core/config/types';
import { SETTINGS_KEY } from '../core/storage-keys';

/**
 * The validator is the loader's largest part and its answer depends only on the config text, so the
 * script-tag loader keeps the last validated Settings beside the exact text they came from. A returning
 * visitor's page then needs no validator at all; any change to the text, or a new SDK version, validates
 * again. Site configuration only, nothing about the visitor.
 */
const KEY = SETTINGS_KEY;

type Entry = [version: string, text: string, settings: Settings];

export function readCachedSettings(text: string): Settings | null {
  try {
    const [version, cachedText, settings] = JSON.parse(localStorage.getItem(KEY)!) as Entry;
    // Anything else (missing, corrupt, another version or config) is a miss: validate afresh.
    return version == __VERSION__ && cachedText === text && settings?.cookie ? deepFreeze(settings) : null;
  } catch {
    return null;
  }
}

export function cacheSettings(text: string, settings: Settings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([__VERSION__, text, settings] satisfies Entry));
  } catch {
    // Storage full or disabled: the next page validates again.
  }
}
