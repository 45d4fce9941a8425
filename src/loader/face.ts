import { cookieCategory } from '../core/classify/cookie-category';
import { isHeld } from './effects/marking';
import { deepFreeze } from '../core/config/deep-freeze';
import { PAGE_TEXTS } from '../core/texts/page-texts';

/**
 * What the script-tag loader hands its lazily loaded parts file, so a first visit downloads each of these
 * once (the cookie table alone is most of a kilobyte). The build turns the parts file's imports of these
 * modules into reads of `__consentryShared`, and fails when the parts file imports a name not listed here
 * (rollup.config.mjs, `sharedFromLoader`). Keys are the exported names: public, never mangled.
 */
export const SHARED = { cookieCategory, isHeld, deepFreeze, PAGE_TEXTS };

/** The modules behind SHARED, as paths under src/ without extension. */
export const SHARED_MODULES = ['core/classify/cookie-category', 'loader/effects/marking', 'core/config/deep-freeze', 'core/texts/page-texts'];
