import { classifyHostFull } from '../blocking/full/classify-host-full';
import { isWebUrl, resolveUrl } from '../blocking/resolve-url';
import { classifyPathFull } from '../blocking/full/classify-path-full';
import { classifyUrl, type UrlClassifier } from './classify-url';

/**
 * The runtime's classification, then every URL pattern of the vendor catalogue and every catalogue and
 * v2fly ads/tracking host (~140 KB of tables, Node side): holds more
 * before the browser sees it. Held tags still run once their category is granted, so nothing breaks for
 * a visitor who accepts; a host it over-matches waits for consent, which a site rule with category
 * `essential` undoes.
 */
export const classifyUrlFull: UrlClassifier = (url, settings, base) => {
  if (settings && !settings.blocking.autoBlock) return null;
  const found = classifyUrl(url, settings, base);
  if (found) return found;
  const target = resolveUrl(url, base);
  if (!target || !isWebUrl(target) || target.origin === resolveUrl(base)?.origin) return null;
  // Every catalogue URL pattern (www.facebook.com/tr), more specific than a host; an essential one
  // (a CAPTCHA) lets the URL through.
  const path = classifyPathFull(target);
  if (path) return path.category == 'essential' ? null : { category: path.category };
  const match = classifyHostFull(target.hostname);
  return match ? { category: match.category } : null;
};
