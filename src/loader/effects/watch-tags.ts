import { isKind, KIND_SELECTOR, URL_ATTRIBUTE } from './kinds';
import type { Uninstall } from './types';

/**
 * The document's live list of each kind of tag (scripts and iframes first). The browser keeps one list per
 * tag name and walks the document again only when it changed, so every caller shares the same walk.
 */
export const tagLists = () => Object.keys(URL_ATTRIBUTE).map((tag) => document.getElementsByTagName(tag));

export const forEachTag = (lists: HTMLCollectionOf<Element>[], fn: (el: Element) => void, kinds = lists.length) => {
  for (let k = 0; k < kinds; k++) for (let i = 0, list = lists[k]; i < list.length; i++) fn(list[i]);
};

/**
 * Calls `found` once for every element of a kind that loads or runs something (script, iframe, img, …)
 * once it is in the document. While the page is parsed, scripts and iframes are found before they run
 * (the parser lets observers run before it reaches a script's end tag); the other kinds were requested by
 * the preload scanner anyway and are found in one pass at DOMContentLoaded. This runs on every page, so it
 * is kept cheap: during parsing the observer's thousands of records are not read (that alone costs
 * milliseconds on a large page) but the live lists of scripts and iframes are; afterwards, when records are
 * few, only what they added is looked at. Shadow roots the page attaches (`attachShadow`, open or closed) are
 * watched the same way, and collected in `roots` so the caller can look into them later.
 */
export function watchTags(found: (el: Element) => void, roots: ShadowRoot[] = []): Uninstall {
  const seen = new WeakSet<Element>();
  const see = (el: Element) => {
    if (!seen.has(el)) {
      seen.add(el);
      found(el);
    }
  };
  const lists = tagLists();
  const added = (records: MutationRecord[]) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType == 1) {
          if (isKind(node as Element)) see(node as Element);
          if ((node as Element).childElementCount) (node as Element).querySelectorAll(KIND_SELECTOR).forEach(see);
        }
      }
    }
  };
  const observer = new MutationObserver((records) => (document.readyState == 'loading' ? forEachTag(lists, see, 2) : added(records)));
  const inShadow = new MutationObserver(added);
  const options = { childList: true, subtree: true };
  observer.observe(document, options);
  const proto = Element.prototype;
  const { attachShadow } = proto;
  proto.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    inShadow.observe(root, options);
    return root;
  };
  const all = () => forEachTag(lists, see);
  document.addEventListener('DOMContentLoaded', all);
  all();
  return () => {
    observer.disconnect();
    inShadow.disconnect();
    proto.attachShadow = attachShadow;
    document.removeEventListener('DOMContentLoaded', all);
  };
}
