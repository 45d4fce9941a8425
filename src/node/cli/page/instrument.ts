/**
 * Runs in every frame before the page's own scripts (playwright init script): wraps the ways a
 * script can store something, so that each write is reported with the script URLs on its call stack.
 * The page keeps working exactly as before: every wrapper calls through to the browser's own code.
 * Serialised with Function#toString, so it must not reference anything outside itself.
 */
export interface WriteReport {
  kind: 'cookie' | 'local' | 'session' | 'indexeddb';
  /** The `document.cookie` text, the storage key, or the IndexedDB database name. */
  text: string;
  /** http(s) URLs of the script frames on the stack, innermost first. */
  stack: string[];
}

export const REPORT_BINDING = '__consentryScanReport';

export function instrumentWrites(binding: string) {
  const w = window as unknown as { [name: string]: unknown };
  const urlsOnStack = (): string[] => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 40;
    const stack = new Error().stack || '';
    Error.stackTraceLimit = limit;
    const urls: string[] = [];
    for (const line of stack.split('\n').slice(1)) {
      const match = /(https?:\/\/[^\s)]+?)(?::\d+){1,2}\)?\s*$/.exec(line);
      if (match && urls[urls.length - 1] != match[1]) urls.push(match[1]);
    }
    return urls;
  };
  const report = (kind: WriteReport['kind'], text: string) => {
    try {
      const send = w[binding] as ((report: WriteReport) => unknown) | undefined;
      if (typeof send == 'function')
        void Promise.resolve(send({ kind, text: String(text).slice(0, 4096), stack: urlsOnStack() })).catch(() => {});
    } catch {
      /* never break the page */
    }
  };

  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookie?.set && cookie.configurable) {
    const set = cookie.set;
    Object.defineProperty(Document.prototype, 'cookie', {
      ...cookie,
      set(this: Document, value: string) {
        report('cookie', value);
        return set.call(this, value);
      },
    });
  }

  const cookieStore = (w.CookieStore as { prototype?: { set?: (...args: unknown[]) => Promise<void> } } | undefined)?.prototype;
  if (cookieStore && typeof cookieStore.set == 'function') {
    const set = cookieStore.set;
    cookieStore.set = function (this: unknown, ...args: unknown[]) {
      const first = args[0] as string | { name?: string; domain?: string } | undefined;
      const name = typeof first == 'string' ? first : first?.name || '';
      report('cookie', name + '=' + (first && typeof first == 'object' && first.domain ? '; domain=' + first.domain : ''));
      return set.apply(this, args);
    };
  }

  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    let kind: WriteReport['kind'] = 'local';
    try {
      if (this === window.sessionStorage) kind = 'session';
    } catch {
      /* storage denied in this frame */
    }
    report(kind, key);
    return setItem.call(this, key, value);
  };

  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
    report('indexeddb', name);
    return version === undefined ? open.call(this, name) : open.call(this, name, version);
  };
}
