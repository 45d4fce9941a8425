import { patch, type Restore } from './patch';
import type { Win } from './types';
import { heldMarkup, isTrustedHtml } from './write-guard';

/**
 * Where markup loads nothing: a <template> (inert content; also where the check itself parses) and the
 * elements whose markup is text (RAWTEXT/RCDATA), where what is written creates no element.
 */
const INERT = /^(template|script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)$/i;

/**
 * HTML strings turned into elements in the document: `innerHTML`/`outerHTML` (elements and shadow roots),
 * `insertAdjacentHTML`, `setHTMLUnsafe`, `Range.createContextualFragment`. An <img>, <iframe>, <link
 * rel=stylesheet> or <object> created this way starts loading before any observer hears of it, so markup
 * that holds a tag is checked in an inert template and passed on with the tags held (markup holding none
 * goes through as given). Nodes from another document (DOMParser, an inert template) are checked before
 * `importNode`/`adoptNode` brings them in, since an image starts loading the moment it is adopted; plain
 * insertion of such nodes is checked by the insertion guard.
 */
export function patchMarkupInsertion(restores: Restore[], check: (el: Element) => boolean, selector: string, win: Win): void {
  const { Element, Document } = win;
  const checkTree = (node: unknown) => {
    const tree = node as Element;
    if (tree?.nodeType == 1) check(tree);
    if (tree?.querySelectorAll) tree.querySelectorAll(selector).forEach((el) => check(el));
  };
  // Read once: the markup decided on is the markup passed on, unless it came as TrustedHTML.
  const hold = (markup: unknown, context?: Node | null) => {
    const text = String(markup);
    const held = context && INERT.test((context as Element).localName || '') ? null : heldMarkup(text, check, selector);
    return held ?? (isTrustedHtml(markup) ? markup : text);
  };
  const setter = ({ set }: PropertyDescriptor, context: (node: Node) => Node | null) => ({
    set(this: Node, markup: unknown) {
      set!.call(this, hold(markup, context(this)));
    },
  });
  const self = (node: Node) => node;
  const parent = (node: Node) => node.parentNode;
  for (const proto of [Element.prototype, win.ShadowRoot.prototype]) {
    patch(restores, proto, 'innerHTML', (d) => setter(d, self));
    patch(restores, proto, 'setHTMLUnsafe', ({ value }) => ({
      value(this: Node, markup: unknown, ...rest: unknown[]) {
        return value.call(this, hold(markup, self(this)), ...rest);
      },
    }));
  }
  patch(restores, Element.prototype, 'outerHTML', (d) => setter(d, parent));
  patch(restores, Element.prototype, 'insertAdjacentHTML', ({ value }) => ({
    value(this: Element, where: string, markup: unknown) {
      return value.call(this, where, hold(markup, /^(beforebegin|afterend)$/i.test(where) ? this.parentNode : this));
    },
  }));
  patch(restores, win.Range.prototype, 'createContextualFragment', ({ value }) => ({
    value(this: Range, markup: unknown) {
      return value.call(this, hold(markup));
    },
  }));
  for (const name of ['importNode', 'adoptNode']) {
    patch(restores, Document.prototype, name, ({ value }) => ({
      value(this: Document, node: unknown, ...rest: unknown[]) {
        if (this == win.document) checkTree(node);
        return value.call(this, node, ...rest);
      },
    }));
  }
}
