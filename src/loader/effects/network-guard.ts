import { readUrl } from './read-url';
import { original, patch, type Restore } from './patch';
import type { Win } from './types';

type Verdict = boolean | Promise<boolean>;

/**
 * Beacons are "similar technologies": `navigator.sendBeacon`, `fetch`, `XMLHttpRequest`, `WebSocket` and
 * `EventSource` to a URL that `blocked` says needs a consent not given are dropped (a beacon reports
 * success so no fallback fires; a fetch fails like a blocked request; an XHR is pointed at an empty data:
 * URL; a WebSocket or EventSource throws a SecurityError, as a CSP refusal once did). Everything else passes
 * through untouched. A verdict that is still coming (a promise: the config is on its way) delays a beacon,
 * a fetch or an asynchronous XHR's `send` until it comes; what cannot wait (a synchronous XHR, a WebSocket,
 * an EventSource) is dropped while it is coming. A waiting XHR is sent only if it was not opened again
 * meanwhile, and a second `send` while it waits throws (the native one would go out undecided). Each URL is
 * read once and the string decided on is what the native call gets (`readUrl`).
 */
export function patchNetwork(restores: Restore[], blocked: (url: string) => Verdict, win: Win): void {
  // An XHR opened while its verdict is coming, and that open's verdict (a new promise for each open).
  const waiting = new WeakMap<XMLHttpRequest, Promise<boolean>>();
  // Verdicts a send already waits for.
  const sent = new WeakSet<Promise<boolean>>();
  patch(restores, win.Navigator.prototype, 'sendBeacon', ({ value: sendBeacon }) => ({
    value(this: Navigator, raw: unknown, data?: BodyInit | null) {
      const [url, text] = readUrl(raw);
      const verdict = blocked(text);
      const go = (no: boolean) => no || sendBeacon.call(this, url, data);
      if (!(verdict instanceof Promise)) return go(verdict);
      verdict.then(go);
      return true;
    },
  }));
  patch(restores, win, 'fetch', ({ value: fetch }) => ({
    value(this: unknown, input: unknown, init?: RequestInit) {
      const [url, text] = readUrl(input);
      const verdict = blocked(text);
      const go = (no: boolean) => (no ? Promise.reject(new TypeError('consentry: blocked until consent')) : fetch.call(this, url, init));
      return verdict instanceof Promise ? verdict.then(go) : go(verdict);
    },
  }));
  const xhr = win.XMLHttpRequest.prototype;
  patch(restores, xhr, 'open', ({ value: open }) => ({
    value(this: XMLHttpRequest) {
      // Arguments are passed on as given: an explicit `undefined` for `async` would make the request synchronous.
      const args = [...arguments] as unknown[];
      const [url, text] = readUrl(args[1]);
      const verdict = blocked(text);
      args[1] = url;
      waiting.delete(this);
      if (verdict instanceof Promise) {
        if (args.length > 2 && !args[2]) args[1] = 'data:,';
        else waiting.set(this, verdict);
      } else if (verdict) args[1] = 'data:,';
      return open.apply(this, args);
    },
  }));
  patch(restores, xhr, 'send', ({ value: send }) => ({
    value(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      const verdict = waiting.get(this);
      if (!verdict) return send.call(this, body);
      // A second send while the first waits: the native one would go out at once, to the URL still undecided.
      if (sent.has(verdict)) throw new DOMException('consentry: sent already', 'InvalidStateError');
      sent.add(verdict);
      // Headers set so far go with a request that is sent; a dropped one is opened again at the empty URL.
      verdict.then((no) => {
        // Opened again meanwhile (that open decides anew: this send is over), or aborted: nothing to send.
        if (waiting.get(this) != verdict || this.readyState != 1) return;
        waiting.delete(this);
        // The page's own open: this request's URL is decided already.
        if (no) original(xhr, 'open').value.call(this, 'GET', 'data:,');
        send.call(this, body);
      });
    },
  }));
  // A connection cannot wait for a verdict: it is refused while one is coming. A Proxy keeps the
  // constructor's prototype, constants (WebSocket.OPEN …) and `new`-only calling.
  for (const name of ['WebSocket', 'EventSource'])
    patch(restores, win, name, ({ value: Native }) => ({
      value: new Proxy(Native, {
        construct(target, args, newTarget) {
          const [value, text] = readUrl(args[0]);
          if (blocked(text) !== false) throw new DOMException('consentry: blocked until consent', 'SecurityError');
          return Reflect.construct(target, [value, ...args.slice(1)], newTarget);
        },
      }),
    }));
}
