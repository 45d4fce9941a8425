import type { Settings } from '../config/types';
import { classifyUrl, type UrlClassifier } from './classify-url';
import type { Grants } from './grants';
import type { TagHandler } from './html-engine';
import { planGate, type GateEdit } from './plan-gate';

/** One tag the rewriter held, for logs, counts and tests. */
export interface HeldTag {
  tagName: string;
  url: string;
  category: string;
  service?: string;
}

export interface DocumentGateOptions {
  settings: Settings | null;
  grants: Grants;
  /** The document's URL: relative URLs resolve against it, and same-origin URLs are the site's own. */
  pageUrl: string;
  /** Default: the runtime's own `classifyUrl`; `classifyUrlFull` holds every known ads/tracking host. */
  classifier?: UrlClassifier;
  onHeld?: (tag: HeldTag) => void;
}

/**
 * Whether the URL parser would resolve `url` against the base's origin: no scheme, and not starting with
 * two slashes (or backslashes, which special URLs treat alike) once tabs, newlines and surrounding C0
 * controls and spaces are stripped, as the parser strips them.
 */
export function isPathRelative(url: string): boolean {
  const bare = url.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+/, '');
  return !/^([a-zA-Z][a-zA-Z0-9+.-]*:|[\\/]{2})/.test(bare);
}

/**
 * The per-document decision, shared by every parser (parse5 here, lol-html in the Worker): tags come in
 * document order, the first `<base href>` moves the base URL for what follows (as the preload scanner
 * does), and each fetching tag is planned against the grants.
 */
export function createDocumentGate(options: DocumentGateOptions): TagHandler {
  const { settings, grants, pageUrl, classifier = classifyUrl, onHeld } = options;
  let base = pageUrl;
  let baseSeen = false;
  let baseIsOwn = true;
  // Without site rules, a path-relative URL under an own base is the site's own: no URL parsing needed
  // (most URLs in a page are; this halves the rewriter's cost on a typical page).
  const noRules = !settings?.blocking.rules.length;
  // Resolved against the document base, but "same origin" means the page's origin: a <base href> on a
  // tracker's host must not make the tracker the site's own.
  const classify = (url: string) => {
    if (noRules && baseIsOwn && isPathRelative(url)) return null;
    let absolute: string;
    try {
      absolute = new URL(url.trim(), base).href;
    } catch {
      return null;
    }
    return classifier(absolute, settings, pageUrl);
  };
  const serviceCategory = (id: string) => settings?.services.find((service) => service.id === id)?.category;
  return (tag): GateEdit | null => {
    if (tag.name === 'base') {
      const href = tag.get('href');
      if (!baseSeen && href != null) {
        baseSeen = true;
        try {
          const resolved = new URL(href.trim(), pageUrl);
          if (/^https?:$/.test(resolved.protocol)) {
            base = resolved.href;
            baseIsOwn = resolved.origin === new URL(pageUrl).origin;
          }
        } catch {
          // An unparsable base leaves the page URL as the base, as in browsers.
        }
      }
      return null;
    }
    const edit = planGate(tag, { classify, grants, serviceCategory });
    if (edit && onHeld) onHeld({ tagName: tag.name, url: edit.url, category: edit.category, service: edit.service });
    return edit;
  };
}
