import { heldCategory } from '../../core/classify/third-party';
import type { Settings } from '../../core/config/types';
import type { Classification } from './plan-gate';

/** Classifies one URL as written in a page whose base URL is `base`. */
export type UrlClassifier = (url: string, settings: Settings | null, base: string) => Classification | null;

/**
 * Exactly the runtime auto-blocker's classification (site rules, then same-origin, then service hosts,
 * then the loader host table, then strict mode's unknown cross-site hosts), so the server and the page
 * never disagree. With `blocking.autoBlock:
 * false` the runtime classifies nothing, and neither does this.
 */
export const classifyUrl: UrlClassifier = (url, settings, base) =>
  settings && !settings.blocking.autoBlock ? null : heldCategory(url, settings, base);
