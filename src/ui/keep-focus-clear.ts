/**
 * WCAG 2.4.11: a bar fixed over the page must not hide the element that has keyboard focus.
 * - Scroll padding of the bar's height makes the browser scroll focused elements clear of it.
 * - Under a bottom bar, the same height is added as padding at the end of the document, so that its last
 *   elements can scroll clear too; this moves nothing that is already laid out (no layout shift).
 * - A top bar cannot make room above the first elements without pushing the page down, so when one of
 *   them gets focus while entirely hidden, the bar moves to the bottom edge instead (`data-flip`).
 * Returns how to restore everything.
 */
export function keepFocusClear(bar: HTMLElement, edge: 'top' | 'bottom', flipOn: HTMLElement): () => void {
  const scroller = (document.scrollingElement || document.documentElement) as HTMLElement;
  const { style } = scroller;
  const saved = [style.scrollPaddingTop, style.scrollPaddingBottom, style.paddingBottom];
  const basePadding = parseFloat(getComputedStyle(scroller).paddingBottom) || 0;
  let current = edge;
  const update = () => {
    const rect = bar.getBoundingClientRect();
    const height = Math.ceil(current === 'top' ? rect.bottom : innerHeight - rect.top);
    style.scrollPaddingTop = current === 'top' ? height + 'px' : saved[0];
    style.scrollPaddingBottom = current === 'bottom' ? height + 'px' : saved[1];
    style.paddingBottom = current === 'bottom' ? basePadding + height + 'px' : saved[2];
  };
  const onFocus = (event: FocusEvent) => {
    const target = event.target as Element;
    if (current !== 'top' || target === (bar.getRootNode() as ShadowRoot).host || !target.getBoundingClientRect) return;
    const hidden = target.getBoundingClientRect();
    if (hidden.bottom <= bar.getBoundingClientRect().bottom) {
      current = 'bottom';
      flipOn.dataset.flip = '';
      update();
    }
  };
  update();
  const observer = typeof ResizeObserver == 'function' ? new ResizeObserver(update) : null;
  observer?.observe(bar);
  addEventListener('resize', update);
  document.addEventListener('focusin', onFocus);
  return () => {
    observer?.disconnect();
    removeEventListener('resize', update);
    document.removeEventListener('focusin', onFocus);
    delete flipOn.dataset.flip;
    [style.scrollPaddingTop, style.scrollPaddingBottom, style.paddingBottom] = saved;
  };
}
