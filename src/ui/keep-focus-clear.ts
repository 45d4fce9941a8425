/**
 * WCAG 2.4.11: a bar fixed over the page must not hide the element that has keyboard focus.
 * - Scroll padding of the bar's height makes the browser scroll focused elements clear of it.
 * - Under a bottom bar, the same height is added as padding at the end of the document, so that its last
 *   elements can scroll clear too; this moves nothing that is already laid out (no layout shift).
 * - A top bar cannot make room above the first elements without pushing the page down, so when one of
 *   them gets focus while entirely hidden, the bar moves to the bottom edge instead (`data-flip`).
 * The bar is measured in ResizeObserver callbacks (the first comes once the browser has laid it out, the
 * others when its size changes) and when its entrance animation ends, never at mount: reading sizes there would force a layout while the page
 * may still be parsing. Returns how to restore everything.
 */
export function keepFocusClear(bar: HTMLElement, edge: 'top' | 'bottom', flipOn: HTMLElement): () => void {
  const scroller = (document.scrollingElement || document.documentElement) as HTMLElement;
  const { style } = scroller;
  const saved = [style.scrollPaddingTop, style.scrollPaddingBottom, style.paddingBottom];
  let basePadding: number | undefined;
  let current = edge;
  const update = () => {
    // Read once, before our own padding is added to it.
    basePadding ??= parseFloat(getComputedStyle(scroller).paddingBottom) || 0;
    const rect = bar.getBoundingClientRect();
    const height = Math.ceil(current === 'top' ? rect.bottom : innerHeight - rect.top);
    style.scrollPaddingTop = current === 'top' ? height + 'px' : saved[0];
    style.scrollPaddingBottom = current === 'bottom' ? height + 'px' : saved[1];
    style.paddingBottom = current === 'bottom' ? basePadding + height + 'px' : saved[2];
  };
  const onFocus = (event: FocusEvent) => {
    const target = event.target as Element;
    if (current !== 'top' || target === (bar.getRootNode() as ShadowRoot).host || !target.getBoundingClientRect) return;
    if (target.getBoundingClientRect().bottom <= bar.getBoundingClientRect().bottom) {
      current = 'bottom';
      flipOn.dataset.flip = '';
      update();
    }
  };
  const observer = new ResizeObserver(update);
  observer.observe(bar);
  // The first measure may fall inside the bar's entrance, which slides it (a transform moves its box, not
  // its size): measured again once it is in place.
  bar.addEventListener('animationend', update);
  document.addEventListener('focusin', onFocus);
  return () => {
    observer.disconnect();
    bar.removeEventListener('animationend', update);
    document.removeEventListener('focusin', onFocus);
    delete flipOn.dataset.flip;
    [style.scrollPaddingTop, style.scrollPaddingBottom, style.paddingBottom] = saved;
  };
}
