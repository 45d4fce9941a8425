import { classifyHostFull } from '../classify/classify-host-full';
import { isWebUrl, resolveUrl } from '../../core/classify/resolve-url';
import { classifyPathFull } from '../classify/classify-path-full';
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
  // Strict mode's "unknown host" is the last resort: the full tables may know the host's real category.
  if (found && !('unknown' in found)) return found;
  const target = resolveUrl(url, base);
  if (!target || !isWebUrl(target) || target.origin === resolveUrl(base)?.origin) return null;
  // Every catalogue URL pattern (www.facebook.com/tr), more specific than a host; an essential one
  // (a CAPTCHA) lets the URL through.
  const path = classifyPathFull(target);
  // In strict mode only the config declares a host essential, as at run time: such a URL stays held.
  if (path) return path.category == 'essential' ? found : { category: path.category };
  const match = classifyHostFull(target.hostname);
  return match ? { category: match.category } : found;
};
