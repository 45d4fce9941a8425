import type { Uninstall } from './types';

/**
 * Beacons are "similar technologies": `navigator.sendBeacon`, `fetch` and `XMLHttpRequest` to a URL that
 * `blocked` says needs a consent not given are dropped (a beacon reports success so no fallback fires; a
 * fetch fails like a blocked request; an XHR is pointed at an empty data: URL). Everything else passes
 * through untouched. A verdict that is still coming (a promise: the config is on its way) delays a beacon
 * or a fetch until it comes; an XHR cannot wait, so it goes by what is known now.
 */
export function patchNetwork(blocked: (url: string) => boolean | Promise<boolean>): Uninstall {
  const nav = navigator;
  const { sendBeacon } = nav;
  const { fetch } = window;
  const xhr = XMLHttpRequest.prototype;
  const { open } = xhr;
  if (sendBeacon) nav.sendBeacon = function (this: Navigator, url, data) {
    const verdict = blocked(String(url));
    if (!(verdict instanceof Promise)) return verdict || sendBeacon.call(this, url, data);
    verdict.then((no) => no || sendBeacon.call(this, url, data));
    return true;
  };
  window.fetch = function (this: unknown, input, init) {
    const verdict = blocked(String((input as Request).url ?? input));
    const go = (no: boolean) => (no ? Promise.reject(new TypeError('consentry: blocked until consent')) : fetch.call(this, input, init));
    return verdict instanceof Promise ? verdict.then(go) : go(verdict);
  };
  xhr.open = function (this: XMLHttpRequest) {
    // Arguments are passed on as given: an explicit `undefined` for `async` would make the request synchronous.
    const args = [...arguments] as Parameters<typeof open>;
    if (blocked(String(args[1])) === true) args[1] = 'data:,';
    return (open as (...a: unknown[]) => void).apply(this, args);
  };
  return () => {
    delete (nav as { sendBeacon?: unknown }).sendBeacon;
    window.fetch = fetch;
    xhr.open = open;
  };
}
