/**
 * One request per key however many ask (a first visit's prefetch, then the banner); a failed one is
 * forgotten, so the next ask (the next "Cookie settings" click) tries again. `request(key, load)` calls
 * `load` only when no request for `key` is under way or done.
 */
export function once<T>(): (key: string, load: () => Promise<T>) => Promise<T> {
  const requests: { [key: string]: Promise<T> | undefined } = {};
  return (key, load) =>
    (requests[key] ||= load().catch((error) => {
      requests[key] = undefined;
      throw error;
    }));
}
