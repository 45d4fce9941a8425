/** Texts the loader shows on the page itself (the reopen button, placeholders of blocked content). */
export type PageTextKey = 'reopen' | 'placeholderText' | 'loadOnce' | 'alwaysAllow';

/**
 * The page texts in the order a built language pack lists them first (see pack-keys.ts). Apart from the
 * texts themselves, which the loader shares with its parts file while these keys stay the parts' own.
 */
export const PAGE_TEXT_KEYS: readonly PageTextKey[] = ['reopen', 'placeholderText', 'loadOnce', 'alwaysAllow'];
