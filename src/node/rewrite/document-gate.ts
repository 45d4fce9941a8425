import { isPathRelative, resolveUrl } from '../../core/classify/resolve-url';
import type { Settings } from '../../core/config/types';
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
  /** Removed rather than held: a repeated `<body>`'s attribute that would load under another tag's marking. */
  dropped?: boolean;
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

export { isPathRelative } from '../../core/classify/resolve-url';

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
    const absolute = resolveUrl(url, base);
    return absolute && classifier(absolute.href, settings, pageUrl);
  };
  const serviceCategory = (id: string) => settings?.services.find((service) => service.id === id)?.category;
  // The parser merges a repeated <body>'s attributes into the first body, keeping the first's where both
  // have one: a held form would then wait for the earlier tag's data-consent, not its own.
  let bodyMarked = false;
  return (tag): GateEdit | null => {
    if (tag.name === 'base') {
      const href = tag.get('href');
      if (!baseSeen && href != null) {
        baseSeen = true;
        // An unparsable base leaves the page URL as the base, as in browsers.
        const resolved = resolveUrl(href, pageUrl);
        if (resolved && /^https?:$/.test(resolved.protocol)) {
          base = resolved.href;
          baseIsOwn = resolved.origin === resolveUrl(pageUrl)?.origin;
        }
      }
      return null;
    }
    let edit = planGate(tag, { classify, grants, serviceCategory });
    let dropped = false;
    if (tag.name === 'body') {
      if (edit && bodyMarked) {
        edit = { ...edit, moves: [], sets: [], drops: edit.moves.map(([from]) => from) };
        dropped = true;
      }
      const sets = new Set(edit?.sets.map(([name]) => name));
      bodyMarked ||= ['data-consent', 'data-service'].some((name) => sets.has(name) || tag.get(name) != null);
    }
    if (edit && onHeld) {
      const held: HeldTag = { tagName: tag.name, url: edit.url, category: edit.category, service: edit.service };
      onHeld(dropped ? { ...held, dropped } : held);
    }
    return edit;
  };
}
