import { patch, type Restore } from './patch';
import type { Win } from './types';

/** Markup that may hold a fetching tag (src/loader/effects/kinds.ts); a `background=` can be on any table part. */
const TAG = /<(script|i?frame|img|embed|object|link|video|audio|source|input)\b|[\s/]background\s*=/i;

/** A TrustedHTML object, which must reach the native call as itself (Trusted Types refuse a plain string). */
export const isTrustedHtml = (value: unknown): boolean =>
  !!(window as { trustedTypes?: { isHTML(value: unknown): boolean } }).trustedTypes?.isHTML(value);

/**
 * `markup` with the tags `check` holds held, or null when it holds none (the caller then passes the page's
 * own value on untouched, Trusted Types object included). Parsed in an inert <template>, where nothing loads.
 */
export function heldMarkup(markup: string, check: (el: Element) => boolean, selector: string): string | null {
  if (!TAG.test(markup)) return null;
  try {
    const template = document.createElement('template');
    template.innerHTML = markup;
    let changed = false;
    template.content.querySelectorAll(selector).forEach((el) => (changed = check(el) || changed));
    return changed ? template.innerHTML : null;
  } catch {
    // Trusted Types refused plain markup: it goes through unchanged, as the page asked.
    return null;
  }
}

/**
 * `document.write` parses inside the calling script, where no observer can run before a written script
 * executes (legacy Baidu Tongji and CNZZ snippets write their tags this way). Written markup that holds a
 * tag is parsed in an inert <template>, checked, and written back with the tags held.
 */
export function patchDocumentWrite(restores: Restore[], check: (el: Element) => boolean, selector: string, win: Win): void {
  for (const name of ['write', 'writeln'])
    patch(restores, win.Document.prototype, name, ({ value: original }) => ({
      value(this: Document, ...text: string[]) {
        // Read once: the markup decided on is the markup written, unless it came as TrustedHTML.
        const joined = text.join('');
        const markup = heldMarkup(joined, check, selector);
        return markup == null && text.some(isTrustedHtml) ? original.apply(this, text) : original.call(this, markup ?? joined);
      },
    }));
}
