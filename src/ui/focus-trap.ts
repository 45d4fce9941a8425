const FOCUSABLE = 'a[href],button:not(:disabled),input:not(:disabled)';

/** Keeps Tab and Shift+Tab inside a modal container: from the last control to the first and back. */
export function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  const items = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((item) => !item.closest('[hidden]'));
  const active = (container.getRootNode() as Document | ShadowRoot).activeElement;
  const first = items[0];
  const last = items[items.length - 1];
  const wraps = event.shiftKey ? active === first || active === container : active === last;
  if (wraps && first) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}
