import { cookieCategory } from '../core/classify/cookie-category';
import { cookiePairs } from '../core/cookies/cookies';
import { isHeld } from './effects/marking';
import { deepFreeze } from '../core/config/deep-freeze';
import { PAGE_TEXTS } from '../core/texts/page-texts';
import { once } from './once';

/**
 * What the script-tag loader hands its lazily loaded parts file, so a first visit downloads each of these
 * once (the cookie table alone is most of a kilobyte). `shared-modules.json` names the module behind each
 * (path from the repository root, no extension): the build imports that list, turns the parts file's imports of these
 * modules into reads of `__consentryShared`, and fails when the parts file imports a name not listed there
 * (rollup.config.mjs, `sharedFromLoader`). tests/unit/shared-modules.test.ts keeps this object and the list
 * equal. Keys are the exported names: public, never mangled.
 */
export const SHARED = { cookieCategory, isHeld, deepFreeze, PAGE_TEXTS, cookiePairs, once };
