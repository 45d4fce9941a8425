import type { Need } from './types';
import { setAttributeUnguarded } from './patch';
import { toScript, toScriptURL } from './trusted-types';

/**
 * A runnable copy of a held script: same attributes (integrity, crossorigin, referrerpolicy, async, …),
 * its real type (`data-type`, e.g. "module"), URL or code through Trusted Types, and the need written in
 * our own attributes so the auto-blocker recognises the copy as settled.
 */
export function cloneScript(held: HTMLScriptElement, need: Need): HTMLScriptElement {
  const script = document.createElement('script');
  for (const { name, value } of held.attributes) {
    if (!/^(type|src|data-src|data-type)$/.test(name)) script.setAttribute(name, value);
  }
  // Browsers hide the nonce attribute once the element is connected: only the property still holds it.
  script.nonce = held.nonce;
  const type = held.getAttribute('data-type');
  if (type) script.type = type;
  if (need.category) script.setAttribute('data-consent', need.category);
  if (need.service) script.setAttribute('data-service', need.service);
  const src = held.getAttribute('data-src') || held.getAttribute('src');
  // Past the auto-blocker: the copy's consent is settled (written above).
  if (src) setAttributeUnguarded(script, 'src', toScriptURL(src));
  else script.text = toScript(held.text);
  return script;
}
