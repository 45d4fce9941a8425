/**
 * WCAG 2.4.11: a bar fixed over the page must not hide the element that has focus. Reserving its height
 * as scroll padding makes the browser scroll focused elements clear of it. Returns how to restore.
 */
export function reserveScrollPadding(bar: HTMLElement, edge: 'top' | 'bottom'): () => void {
  const style = ((document.scrollingElement || document.documentElement) as HTMLElement).style;
  const property = edge === 'top' ? 'scrollPaddingTop' : 'scrollPaddingBottom';
  const before = style[property];
  const update = () => {
    const rect = bar.getBoundingClientRect();
    style[property] = Math.ceil(edge === 'top' ? rect.bottom : innerHeight - rect.top) + 'px';
  };
  update();
  const observer = typeof ResizeObserver == 'function' ? new ResizeObserver(update) : null;
  observer?.observe(bar);
  addEventListener('resize', update);
  return () => {
    observer?.disconnect();
    removeEventListener('resize', update);
    style[property] = before;
  };
}
