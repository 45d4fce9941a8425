import { activateElement } from './activate';

/**
 * "Load this once" on a placeholder: activate this one held embed for this page view only. It is marked
 * essential so that moving it in the DOM later does not hold it again.
 */
export function loadOnce(el: Element): void {
  el.removeAttribute('data-service');
  el.setAttribute('data-consent', 'essential');
  activateElement(el);
}
