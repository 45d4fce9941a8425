import type { PageWindow } from './contract';

export type Gtag = (...args: unknown[]) => void;

/**
 * The page's `gtag`, or one that behaves exactly like Google's snippet: it pushes the `arguments` object
 * (gtag.js treats only Arguments objects as commands) onto the data layer, looked up at call time.
 */
export function gtagFor(win: PageWindow, dataLayerName: string): Gtag {
  return (win.gtag ||= function () {
    (win[dataLayerName] ||= []).push(arguments);
  });
}
