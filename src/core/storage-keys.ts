/**
 * The SDK's own web-storage keys, in one place: the loader and the lazy parts read and write them, the storage
 * guard lets the `consentry:` prefix through as essential, and the scanner describes them to site owners.
 */
export const OWN_KEY_PREFIX = 'consentry:';
/** Settings validated from the same config text, so a returning visit skips the validator. */
export const SETTINGS_KEY = 'consentry:settings';
/** The page texts (reopen button, placeholders) in the visitor's language, for pages before the config. */
export const TEXTS_KEY = 'consentry:texts';
/** Receipts not yet delivered to the site's consent log. */
export const RECEIPTS_KEY = 'consentry:receipts';
