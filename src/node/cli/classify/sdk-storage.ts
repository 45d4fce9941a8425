import { RECEIPTS_KEY, SETTINGS_KEY, TEXTS_KEY } from '../../../core/storage-keys';

/**
 * What each localStorage key the SDK itself writes holds, in the words a site's cookie declaration can
 * use. One entry per key of src/core/storage-keys.ts (tests/unit/scanner-sdk-storage.test.ts
 * fails when a key there has no entry here). A `consentry:` key not listed is not the SDK's: it is
 * classified like any other key, never assumed essential.
 */
const SDK_STORAGE: ReadonlyMap<string, string> = new Map([
  [
    SETTINGS_KEY,
    "Caches the site's validated consent configuration, so later pages need not validate it again (site settings only, nothing about the visitor)",
  ],
  [TEXTS_KEY, "Remembers the consent tool's interface texts (reopen button, placeholders) in the visitor's language"],
  [RECEIPTS_KEY, "Consent receipts waiting to be sent to the site's consent log"],
]);

/** The purpose of one of the SDK's own localStorage keys, or undefined when `key` is not one of them. */
export const sdkStoragePurpose = (type: string, key: string): string | undefined => (type == 'local' ? SDK_STORAGE.get(key) : undefined);

/** Every key the SDK writes, for the test that keeps this list complete. */
export const SDK_STORAGE_KEYS = [...SDK_STORAGE.keys()];
