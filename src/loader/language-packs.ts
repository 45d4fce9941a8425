import names from './language-packs.json';

/**
 * Languages shipped as separate packs (en is built into the UI chunk). The list is JSON so that the build
 * (rollup.config.mjs, one dist/i18n/<lang>.min.js each) imports the same list the loader uses.
 */
export const PACK_NAMES: readonly string[] = names;
