/**
 * Runs in the page before any of its scripts (an init script), so it sees the whole load. Records on
 * `window.__bench`: when the SDK's banner first becomes visible, long tasks, and CLS. Kept tiny and
 * idle once done, since its own script time is counted like everything else.
 * @param {{ host?: string, selector: string } | null} banner where the SDK's banner lives
 */
export function probe(banner) {
  const bench = (window.__bench = { bannerAt: null, longTasks: 0, longTaskMs: 0, cls: 0, shifts: 0 });

  if (banner) {
    const find = () => {
      const scope = banner.host ? document.querySelector(banner.host)?.shadowRoot : document;
      return scope ? scope.querySelector(banner.selector) : null;
    };
    const visible = (el) => {
      if (!el?.isConnected) return false;
      const box = el.getBoundingClientRect();
      return (
        box.width > 0 &&
        box.height > 0 &&
        box.bottom > 0 &&
        box.top < innerHeight &&
        el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
      );
    };
    // One check per frame: a banner can only be seen when a frame is drawn.
    const poll = () => {
      if (visible(find())) bench.bannerAt = performance.now();
      else if (performance.now() < 15000) requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      bench.longTasks++;
      bench.longTaskMs += entry.duration;
    }
  }).observe({ type: 'longtask', buffered: true });

  // CLS as the Web Vitals define it: the largest session window (gaps < 1 s, at most 5 s) of shifts
  // not caused by recent input.
  let windowValue = 0,
    windowStart = 0,
    previous = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      bench.shifts++;
      const continues = windowValue && entry.startTime - previous < 1000 && entry.startTime - windowStart < 5000;
      windowValue = continues ? windowValue + entry.value : entry.value;
      if (!continues) windowStart = entry.startTime;
      previous = entry.startTime;
      bench.cls = Math.max(bench.cls, windowValue);
    }
  }).observe({ type: 'layout-shift', buffered: true });
}
