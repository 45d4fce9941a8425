import { SITE_URL, URL_LIKE } from '../../core/config/patterns';
import type { Link } from './html-text';

const POLICY = /privacy|datenschutz|confidentialit|privacidad|隐私|隱私|プライバシー|polic/i;

/**
 * The link that reads as the privacy policy (by its words or its URL), if it is a URL consentry accepts.
 * A bare "#fragment" is a link within the same page, never taken for the policy.
 */
export function privacyLink(links: Link[]): string | undefined {
  return links.find((link) => (POLICY.test(link.text) || POLICY.test(link.href)) && usableUrl(link.href))?.href;
}

// What the validator takes: a scheme or a path from the root (`www.example.com/privacy` would read as a path).
export const usableUrl = (url: string) => !url.startsWith('#') && URL_LIKE.test(url) && SITE_URL.test(url) && url.length <= 5000;
