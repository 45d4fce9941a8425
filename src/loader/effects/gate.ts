import { activateElement } from './activate';
import { cloneScript } from './clone-script';
import { categoryOf, isGranted } from '../../core/policy/grant';
import { isKind, KIND_SELECTOR } from './kinds';
import { isHeld, needOf } from './marking';
import type { BlockingDeps, Need, Uninstall } from './types';
import { warnUndeclared } from './undeclared';
import { forEachTag, tagLists, watchTags } from './watch-tags';

const EMBED = /^(IFRAME|VIDEO|AUDIO|EMBED|OBJECT)$/;

const settled = (script: HTMLScriptElement) =>
  new Promise((resolve) => {
    script.addEventListener('load', resolve);
    script.addEventListener('error', resolve);
  });

/**
 * Markup gating: held tags (marked by the site owner, or by the auto-blocker) are activated exactly once,
 * as soon as their category or service is granted, without a reload. Scripts run in document order with
 * the browser's semantics: external classic and module scripts join the browser's in-order list (fetched
 * in parallel, run in order), an inline script waits until the scripts before it have run, `async` ones
 * run when loaded, and `defer`/module ones wait for the end of parsing.
 */
export function installGate(deps: BlockingDeps): Uninstall {
  const { $state, $settings } = deps;
  const taken = new WeakSet<Element>();
  const announced = new WeakSet<Element>();
  let chain: Promise<unknown> = Promise.resolve();
  // Settles once every script we put in the browser's in-order list so far has run.
  let inOrder = chain;
  let scheduled = false;

  const run = (held: HTMLScriptElement, need: Need) => {
    if (!held.isConnected) return;
    const script = cloneScript(held, need);
    // Snippets wait for their script's load (`s.onload = …`, Rollbar's replays its queue there): the handlers are
    // on the held element, so the copy's load and error are told to it.
    script.onload = script.onerror = (event) => held.dispatchEvent(new Event((event as Event).type));
    if (!script.src && script.type != 'module') return inOrder.then(() => held.replaceWith(script));
    if (!script.hasAttribute('async')) {
      script.async = false;
      inOrder = settled(script);
    }
    held.replaceWith(script);
  };

  const consider = (el: Element) => {
    if (!isKind(el) || taken.has(el)) return;
    const settings = $settings.get();
    const need = needOf(el, settings?.blocking.aliases ?? true, settings?.blocking.categoryAliases);
    if (!need || !isHeld(el)) return;
    if (settings && deps.warn) warnUndeclared(need, settings, deps.warn);
    if (isGranted(need, $state.get(), settings)) {
      if (el.tagName == 'SCRIPT' && deps.nonce && (el as HTMLScriptElement).nonce != deps.nonce) {
        // Under a nonce CSP with 'strict-dynamic', our copy would run whatever was injected in held form.
        taken.add(el);
        console.warn('consentry: a held script without the nonce of the loader stays held', el);
      } else if (el.tagName != 'SCRIPT') {
        taken.add(el);
        // In a task of its own: Chromium ignores a src given to an iframe in the task that inserted it.
        setTimeout(activateElement, 0, el);
      } else if (
        document.readyState != 'loading' ||
        el.hasAttribute('async') ||
        !(el.getAttribute('data-type') == 'module' || (el.hasAttribute('defer') && el.matches('[src],[data-src]')))
      ) {
        taken.add(el);
        // One tag that cannot be activated (Trusted Types refusing it, say) is reported; the tags after it still run.
        chain = chain.then(() => run(el as HTMLScriptElement, need)).catch((error) => deps.emit('error', { error }));
      }
      // A granted defer/module script waits for the pass at DOMContentLoaded, as the browser would.
    } else if (settings && deps.onHeldEmbed && EMBED.test(el.tagName) && !announced.has(el)) {
      const category = categoryOf(need, settings);
      // No placeholder for an undeclared service: "Always allow" could never release it.
      if (category && (!need.service || categoryOf({ service: need.service }, settings))) {
        announced.add(el);
        deps.onHeldEmbed(el, { category, service: need.service });
      }
    }
  };

  const lists = tagLists();
  const roots: ShadowRoot[] = [];
  const pass = () => {
    scheduled = false;
    forEachTag(lists, consider);
    // Held backgrounds (body, table parts) are too many a tag to keep lists of: looked for by their held attribute.
    document.querySelectorAll('[data-background]').forEach(consider);
    for (const root of roots) root.querySelectorAll(KIND_SELECTOR).forEach(consider);
  };
  // Coalesced into a microtask so that every subscriber (the auto-blocker re-marking its tags) runs first.
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(pass);
    }
  };

  const unwatch = watchTags(consider, roots);
  document.addEventListener('DOMContentLoaded', schedule);
  const unlisten = [$state.listen(schedule), $settings.listen(schedule)];
  schedule();

  return () => {
    unwatch();
    document.removeEventListener('DOMContentLoaded', schedule);
    unlisten.forEach((stop) => stop());
  };
}
