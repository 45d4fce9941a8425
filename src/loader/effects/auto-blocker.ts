import { activateElement } from './activate';
import { isGranted } from '../../core/policy/grant';
import { HELD_ATTRIBUTES, isUrlAttribute, KIND_SELECTOR, PENDING, URL_ATTRIBUTE } from './kinds';
import { isHeld, needOf } from './marking';
import { srcsetCandidates } from '../../core/classify/srcset-candidates';
import { patchNetwork } from './network-guard';
import { readUrl } from './read-url';
import { isWebUrl, resolveUrl } from '../../core/classify/resolve-url';
import type { BlockingDeps, ClassifyingSettings, Need, Uninstall, Win } from './types';
import { heldCategory } from '../../core/classify/third-party';
import { isDevelopment } from './development';
import { watchTags } from './watch-tags';
import { patchMarkupInsertion } from './markup-guard';
import { patchDocumentWrite } from './write-guard';
import { patch, restoreAll, setAttributeUnguarded, type Restore } from './patch';
import { whenSettled } from '../config-phase';

type Proto = { prototype: object };

/**
 * Auto-blocking of tags the site owner did not mark. Must be installed synchronously by the first script
 * in <head>: a MutationObserver turns parser-inserted tags off before they run (a script's type is read
 * when the parser reaches its end tag, after observers were notified), and patched setters and insertion
 * methods hold tags created by scripts before they are requested. A held tag is marked exactly like one
 * the site owner marked, so the gate activates it in document order once its category is granted.
 * Static tags in the HTML source are still fetched by the preload scanner; they are kept from running.
 */
export function installAutoBlocker(deps: BlockingDeps, win: Win = window): Uninstall {
  const { $state, $settings } = deps;
  const restores: Restore[] = [];
  // Held while detached (`new Image()` pixels, scripts not inserted yet): activated here once granted.
  let detached: Element[] = [];
  const base = () => win.document.baseURI;
  // Shadow roots the page attached: held tags inside them are looked for there too.
  const roots: ShadowRoot[] = [];

  /**
   * What the config and the built-in table say a URL needs (nothing when auto-blocking is off). The URL is
   * resolved as the browser would request it: no guess from the raw text ("no scheme, so ours") is made.
   */
  const classify = (url: string, settings: ClassifyingSettings): Need | null => {
    const need = settings.blocking.autoBlock == false ? null : heldCategory(url, settings, base());
    // Strict mode: in development, each host held only because no table knows it is listed once, so the
    // owner sees what to declare essential.
    if (need?.unknown && isDevelopment() && !isGranted(need, $state.get(), $settings.get()))
      deps.warn?.(`held until "${need.category}" is granted (thirdParty "hold"): ${new URL(url, base()).host}`);
    return need;
  };

  /**
   * What an unmarked tag's URL waits for. Before the config is valid, a URL its rules (read provisionally)
   * or the built-in table name waits; without even that, every URL to another host waits.
   */
  const needFor = (url: string): Need | null => {
    const settings = $settings.get();
    if (settings) return classify(url, settings);
    const { provisional } = deps.$configPhase.get();
    if (provisional) {
      const need = classify(url, provisional);
      return need && need.category != 'essential' ? { category: PENDING } : null;
    }
    // By host, not origin: the page's own WebSocket (ws: beside http:) is its own.
    const target = resolveUrl(url, base());
    return target && isWebUrl(target) && target.host != location.host ? { category: PENDING } : null;
  };

  /**
   * Hold `el` instead of giving it `url` in `attr`, when that needs a consent not given. `vouch`: the tag
   * comes from a running script (a setter, an insertion), which 'strict-dynamic' would let run, so a held
   * script gets the loader's nonce; one the parser or document.write made must carry it already.
   */
  const guard = (el: Element, attr: string, url: string, vouch?: boolean): boolean => {
    const need =
      needOf(el, false) || (attr == 'srcset' ? srcsetCandidates(url) : [url]).reduce<Need | null>((found, u) => found || needFor(u), null);
    if (!need || isGranted(need, $state.get(), $settings.get())) return false;
    const mark = (name: string, value: string) => setAttributeUnguarded(el, name, value);
    mark('data-' + attr, url);
    el.removeAttribute(attr);
    // Every other URL the element would load waits with it.
    for (const other of ['src', 'srcset', 'poster']) {
      if (el.hasAttribute(other)) {
        mark('data-' + other, el.getAttribute(other)!);
        el.removeAttribute(other);
      }
    }
    if (el.tagName == 'SCRIPT') {
      if (/^module$/i.test(el.getAttribute('type') || '')) mark('data-type', 'module');
      mark('type', 'text/plain');
      if (vouch && deps.nonce) (el as HTMLScriptElement).nonce = deps.nonce;
    }
    if (!el.hasAttribute('data-consent') && need.category) mark('data-consent', need.category);
    if (!el.hasAttribute('data-service') && need.service) mark('data-service', need.service);
    if (!el.isConnected && el.ownerDocument == win.document) detached.push(el);
    return true;
  };

  const check = (el: Element, vouch?: boolean): boolean =>
    [URL_ATTRIBUTE[el.tagName], 'srcset', 'poster', 'background'].some((attr) => {
      const url = isUrlAttribute(el, attr) && el.getAttribute(attr);
      return !!url && guard(el, attr, url, vouch);
    });

  const checkTree = (node: Element | DocumentFragment) => {
    if (node.nodeType == 1) check(node as Element, true);
    if (node.childElementCount) node.querySelectorAll(KIND_SELECTOR).forEach((el) => check(el, true));
  };

  // Property setters: an image starts loading the moment its src is set, even detached.
  const setters: Array<[string, string]> = [
    ['HTMLScriptElement', 'src'],
    ['HTMLIFrameElement', 'src'],
    ['HTMLImageElement', 'src'],
    ['HTMLEmbedElement', 'src'],
    ['HTMLObjectElement', 'data'],
    ['HTMLLinkElement', 'href'],
    ['HTMLMediaElement', 'src'],
    ['HTMLSourceElement', 'src'],
    ['HTMLImageElement', 'srcset'],
    ['HTMLSourceElement', 'srcset'],
    ['HTMLVideoElement', 'poster'],
    ['HTMLFrameElement', 'src'],
    ['HTMLInputElement', 'src'],
    // The only table part or body with a reflected `background` in Chromium; the others take setAttribute.
    ['HTMLBodyElement', 'background'],
  ];
  for (const [type, name] of setters) {
    patch(restores, (win[type as keyof Win] as Proto).prototype, name, ({ set }) => ({
      set(this: Element, raw: unknown) {
        // Read once: what was decided on is what the element gets.
        const [value, url] = readUrl(raw);
        if (!guard(this, name, url, true)) set!.call(this, value);
      },
    }));
  }

  patch(restores, win.Element.prototype, 'setAttribute', ({ value: original }) => ({
    value(this: Element, rawName: string, raw: string) {
      // Each argument read once; values of other attributes (Trusted Types objects included) pass as given.
      const name = String(rawName);
      const attr = name.toLowerCase();
      if (!isUrlAttribute(this, attr)) return original.call(this, name, raw);
      const [value, url] = readUrl(raw);
      if (!guard(this, attr, url, true)) original.call(this, name, value as string);
    },
  }));

  // `new Audio(url)` sets its src inside the constructor, past the setter: give it through the setter. A
  // Proxy keeps the constructor's prototype, statics and `new`-only calling; subclasses keep theirs.
  patch(restores, win, 'Audio', ({ value: NativeAudio }) => ({
    value: new Proxy(NativeAudio, {
      construct(Native, [src], newTarget) {
        const audio = Reflect.construct(Native, [], newTarget);
        if (src !== undefined) audio.src = src;
        return audio;
      },
    }),
  }));

  // Insertion: the last moment before a script is fetched or an iframe navigates. Only insertions into the
  // document matter; a tree built detached is checked when it is connected.
  const inserting = ({ value: original }: PropertyDescriptor) => ({
    value(this: Node, ...nodes: unknown[]) {
      if (this.isConnected) for (const node of nodes) if ((node as Node)?.nodeType) checkTree(node as Element);
      return original.apply(this, nodes);
    },
  });
  for (const name of ['appendChild', 'insertBefore', 'replaceChild'] as const) patch(restores, win.Node.prototype, name, inserting);
  for (const name of ['append', 'prepend', 'before', 'after', 'replaceWith', 'insertAdjacentElement'] as const) {
    patch(restores, win.Element.prototype, name, inserting);
  }

  restores.push(watchTags(check, roots, win));

  // Without any config: the built-in table alone (a page's own APIs must keep working).
  const blocked = (url: string) => {
    const need = classify(
      url,
      $settings.get() || deps.$configPhase.get().provisional || { blocking: { autoBlock: true, rules: [] }, services: [] },
    );
    return !!need && !isGranted(need, $state.get(), $settings.get());
  };
  /**
   * While a config is on its way, a request to another origin that it might name waits for it (delayed,
   * not dropped): one its provisional rules name as needing consent, or any, when even those are unknown;
   * and one that would be dropped now, such as a request to an essential service's host (a service is
   * granted only once the config declares it): strict mode lets through only what is declared essential.
   */
  const verdict = (url: string): boolean | Promise<boolean> => {
    const coming = !$settings.get() && deps.$configPhase.get().coming;
    if (coming && (needFor(url) || blocked(url))) return whenSettled(deps.$configPhase).then(() => blocked(url));
    return blocked(url);
  };
  patchNetwork(restores, verdict, win);
  patchDocumentWrite(restores, check, KIND_SELECTOR, win);
  patchMarkupInsertion(restores, check, KIND_SELECTOR, win);

  // A detached held element that gets connected is the gate's; one still detached is activated here.
  const release = () => {
    detached = detached.filter((el) => {
      if (el.isConnected || !isHeld(el)) return false;
      if (!isGranted(needOf(el, false)!, $state.get(), $settings.get())) return true;
      activateElement(el);
    });
  };

  // The config's rules are known now: give every pending tag its real category, or none.
  const reclassify = () => {
    const selector = `[data-consent="${PENDING}"]`;
    const pending = [...detached, ...[win.document, ...roots].flatMap((root) => [...root.querySelectorAll(selector)])];
    for (const el of pending) {
      const attr = HELD_ATTRIBUTES.find((name) => el.hasAttribute('data-' + name));
      const url = attr && el.getAttribute('data-' + attr)!;
      if (el.getAttribute('data-consent') != PENDING || !url) continue;
      const need = attr == 'srcset' ? srcsetCandidates(url).reduce<Need | null>((found, u) => found || needFor(u), null) : needFor(url);
      setAttributeUnguarded(el, 'data-consent', need?.category || 'essential');
      if (need?.service) setAttributeUnguarded(el, 'data-service', need.service);
    }
    release();
  };

  // Listeners last on the stack: they stop first.
  restores.push($state.listen(release), $settings.listen(reclassify));
  return restoreAll(restores);
}
