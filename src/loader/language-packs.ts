/** Languages shipped as separate packs (en is built into the UI chunk). */
export const PACK_NAMES = ['de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'ja', 'ar', 'zh'];
