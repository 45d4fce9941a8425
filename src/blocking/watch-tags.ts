import { KIND_SELECTOR, URL_ATTRIBUTE } from './kinds';
import type { Uninstall } from './types';

/**
 * Calls `found` once for every element of a kind that loads or runs something (script, iframe, img, …)
 * once it is in the document. While the page is parsed, scripts and iframes are found before they run
 * (the parser lets observers run before it reaches a script's end tag); the other kinds were requested by
 * the preload scanner anyway and are found in one pass at DOMContentLoaded. This runs on every page, so it
 * is kept cheap: during parsing the observer's thousands of records are not read (that alone costs
 * milliseconds) but the browser's live lists of scripts and iframes are walked; afterwards, when records
 * are few, only what they added is looked at.
 */
export function watchTags(found: (el: Element) => void): Uninstall {
  const seen = new WeakSet<Element>();
  const see = (el: Element) => {
    if (!seen.has(el)) {
      seen.add(el);
      found(el);
    }
  };
  const lists = [document.getElementsByTagName('script'), document.getElementsByTagName('iframe')];
  const scan = (root: Document | Element) => root.querySelectorAll(KIND_SELECTOR).forEach(see);
  const observer = new MutationObserver((records) => {
    if (document.readyState == 'loading') {
      for (const list of lists) for (let i = 0; i < list.length; i++) see(list[i]);
    } else {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType == 1) {
            if ((node as Element).tagName in URL_ATTRIBUTE) see(node as Element);
            if ((node as Element).childElementCount) scan(node as Element);
          }
        }
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  const scanDocument = () => scan(document);
  document.addEventListener('DOMContentLoaded', scanDocument);
  scanDocument();
  return () => {
    observer.disconnect();
    document.removeEventListener('DOMContentLoaded', scanDocument);
  };
}
