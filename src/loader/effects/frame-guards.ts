import { patch, restoreAll, type Restore } from './patch';
import type { BlockingDeps, Uninstall, Win } from './types';

/**
 * Ad slots use same-origin ("friendly") iframes: an about:blank or srcdoc frame whose document the page
 * writes, scripts included. Each frame has its own window with its own prototypes, fetch, document.cookie
 * setter and storage, so guards patched in the page's window do not see what runs there. `guard(win)`
 * installs every guard into a child window, decided from the page's one store; it is called:
 *   - for an iframe's initial about:blank window, which exists as soon as the iframe is connected: when a
 *     script reads `contentWindow`/`contentDocument` (the way a friendly frame is written:
 *     `frame.contentDocument.write(…)`), and after the mutation that inserted it, for the rest;
 *   - for a srcdoc document, before any of its own markup is parsed: the markup becomes one script of ours,
 *     `frameElement.contentDocument.write(markup)`. The read goes through the patched getter in this
 *     window, which guards the new window; the markup then goes through its guarded `document.write`, so
 *     its tags are held before its preload scanner could request them (measured: with the markup after a
 *     first script of ours, Chromium's preload scanner fetched a tracker <script src> the guards then held);
 *   - for any other same-origin document at its `load` (a navigation makes a new window): scripts the
 *     parser ran before then were not guarded; such a page needs the loader in its own <head>.
 * A cross-origin frame has no document to read and is left alone: it is not ours to patch.
 */
export function installFrameGuards(deps: BlockingDeps, guard: (win: Win) => void, win: Win = window): Uninstall {
  const { document } = win;
  const frameProto = win.HTMLIFrameElement.prototype;
  const frames = document.getElementsByTagName('iframe');
  // Per window, not per frame: a frame keeps its WindowProxy across navigations, each with new prototypes.
  const guarded = new WeakSet<object>();
  const restores: Restore[] = [];

  const enter = (frame: HTMLIFrameElement) => {
    try {
      // The document, not the window: a cross-origin frame's is null, where reading its window would throw, once
      // per ad frame on every walk (40 frames × 300 walks, one per image loaded: 90 ms of main thread, measured).
      const child = documentOf.call(frame)?.defaultView as Win | null;
      const mark = child?.Document.prototype;
      if (mark && !guarded.has(mark)) {
        guarded.add(mark);
        guard(child!);
      }
    } catch {
      // A window being torn down.
    }
  };
  // A srcdoc becomes our script writing it.
  const visitAll = () => {
    for (let i = 0; i < frames.length; i++) {
      const markup = frames[i].getAttribute('srcdoc');
      // Read here: the loader sets its nonce on the deps after installing the guards (an empty one is none).
      const lead = `<script nonce="${deps.nonce || ''}">frameElement.contentDocument.write(`;
      try {
        if (markup && !markup.startsWith(lead)) frames[i].srcdoc = lead + JSON.stringify(markup).replace(/</g, '\\u003c') + ')</script>';
      } catch {
        // Trusted Types refuse a string: that frame is guarded from its `load` only.
      }
      enter(frames[i]);
    }
  };

  const documentOf = Object.getOwnPropertyDescriptor(frameProto, 'contentDocument')!.get!;
  for (const name of ['contentWindow', 'contentDocument'])
    patch(restores, frameProto, name, ({ get }) => ({
      get(this: HTMLIFrameElement) {
        enter(this);
        return get!.call(this);
      },
    }));
  // Inserted frames and srcdoc set: the observer's microtask comes before a srcdoc document commits (in a
  // later task, measured in Chromium), and before a script inserting an about:blank frame can reach its window
  // other than through the getters (`frames[i]` in the same task can: not covered).
  const observer = new win.MutationObserver(visitAll);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['srcdoc'] });
  // Every load (it does not bubble; capture sees it): the frames that navigated have new windows.
  document.addEventListener('load', visitAll, true);
  visitAll();

  return () => {
    observer.disconnect();
    document.removeEventListener('load', visitAll, true);
    restoreAll(restores)();
  };
}
