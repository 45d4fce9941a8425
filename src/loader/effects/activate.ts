import { HELD_ATTRIBUTES } from './kinds';
import { setAttributeUnguarded } from './patch';
import { toScriptURL } from './trusted-types';

/**
 * Give a held element its URLs back (data-src → src, …), in place. A held script is only revived in place
 * while it has never been connected (a connected one goes through `cloneScript`, since a script element
 * that was inserted once never runs again).
 */
export function activateElement(el: Element): void {
  const tag = el.tagName;
  for (const name of HELD_ATTRIBUTES) {
    const value = el.getAttribute('data-' + name);
    if (value != null) {
      el.removeAttribute('data-' + name);
      // Past the auto-blocker: this element's consent is settled.
      setAttributeUnguarded(el, name, /^(SCRIPT|EMBED|OBJECT)$/.test(tag) ? toScriptURL(value) : value);
    }
  }
  if (tag == 'SCRIPT') el.setAttribute('type', el.getAttribute('data-type') || 'text/javascript');
  if (tag == 'VIDEO' || tag == 'AUDIO') {
    el.querySelectorAll('source').forEach(activateElement);
    (el as HTMLMediaElement).load();
  }
}
