import { urlCategory } from '../blocking/url-category';
import type { Settings } from '../config/types';
import type { Classification } from './plan-gate';

/** Classifies one URL as written in a page whose base URL is `base`. */
export type UrlClassifier = (url: string, settings: Settings | null, base: string) => Classification | null;

/**
 * Exactly the runtime auto-blocker's classification (site rules, then same-origin, then service hosts,
 * then the loader host table), so the server and the page never disagree. With `blocking.autoBlock:
 * false` the runtime classifies nothing, and neither does this.
 */
export const classifyUrl: UrlClassifier = (url, settings, base) =>
  settings && !settings.blocking.autoBlock ? null : urlCategory(url, settings, base);
