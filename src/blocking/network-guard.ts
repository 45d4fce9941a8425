import type { Uninstall } from './types';

/**
 * Beacons are "similar technologies": `navigator.sendBeacon`, `fetch` and `XMLHttpRequest` to a URL that
 * `blocked` says needs a consent not given are dropped (a beacon reports success so no fallback fires; a
 * fetch fails like a blocked request; an XHR is pointed at an empty data: URL). Everything else passes
 * through untouched.
 */
export function patchNetwork(blocked: (url: string) => boolean): Uninstall {
  const nav = navigator;
  const { sendBeacon } = nav;
  const { fetch } = window;
  const xhr = XMLHttpRequest.prototype;
  const { open } = xhr;
  if (sendBeacon) nav.sendBeacon = function (this: Navigator, url, data) {
    return blocked(String(url)) || sendBeacon.call(this, url, data);
  };
  window.fetch = function (this: unknown, input, init) {
    return blocked(String((input as Request).url ?? input))
      ? Promise.reject(new TypeError('consentry: blocked until consent'))
      : fetch.call(this, input, init);
  };
  xhr.open = function (this: XMLHttpRequest) {
    // Arguments are passed on as given: an explicit `undefined` for `async` would make the request synchronous.
    const args = [...arguments] as Parameters<typeof open>;
    if (blocked(String(args[1]))) args[1] = 'data:,';
    return (open as (...a: unknown[]) => void).apply(this, args);
  };
  return () => {
    delete (nav as { sendBeacon?: unknown }).sendBeacon;
    window.fetch = fetch;
    xhr.open = open;
  };
}
