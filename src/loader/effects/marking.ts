import { HELD_ATTRIBUTES } from './kinds';
import type { Need } from './types';

/** Held: a script that cannot run (`type="text/plain"`), or an element whose URLs wait under `data-*`. */
export function isHeld(el: Element): boolean {
  return el.tagName == 'SCRIPT'
    ? /^text\/plain$/i.test(el.getAttribute('type') || '')
    : HELD_ATTRIBUTES.some((name) => el.hasAttribute('data-' + name));
}

/**
 * The consent an element is marked with: `data-consent` and/or `data-service`; with aliases, the
 * vanilla-cookieconsent (`data-category`, `data-service`) and klaro (`data-name`) markings, which only
 * count on held elements so that an unrelated `data-name` never holds a working tag. A klaro name is read
 * in lower case, since ids are (`consentry migrate` makes klaro's `googleAnalytics` the id `googleanalytics`);
 * a `data-category` name the config lists in `blocking.categoryAliases` is read as the category it stands for.
 */
export function needOf(el: Element, aliases: boolean, categoryAliases?: { [name: string]: string }): Need | null {
  let category = el.getAttribute('data-consent');
  let service = el.getAttribute('data-service');
  if (aliases && isHeld(el)) {
    const old = el.getAttribute('data-category');
    // Own keys only: "constructor" names no category.
    category ||= old && categoryAliases && Object.hasOwn(categoryAliases, old) ? categoryAliases[old] : old;
    service ||= (el.getAttribute('data-name') || '').toLowerCase();
  }
  return category || service ? { category: category || undefined, service: service || undefined } : null;
}
