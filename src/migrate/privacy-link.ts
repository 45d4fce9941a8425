import { URL_LIKE } from '../config/patterns';
import type { Link } from './html-text';

const POLICY = /privacy|datenschutz|confidentialit|privacidad|隐私|隱私|プライバシー|polic/i;

/**
 * The link that reads as the privacy policy (by its words or its URL), if it is a URL consentry accepts.
 * A bare "#fragment" is a link within the same page, never taken for the policy.
 */
export function privacyLink(links: Link[]): string | undefined {
  return links.find((link) => (POLICY.test(link.text) || POLICY.test(link.href)) && usableUrl(link.href))?.href;
}

export const usableUrl = (url: string) => !url.startsWith('#') && URL_LIKE.test(url) && url.length <= 5000;
