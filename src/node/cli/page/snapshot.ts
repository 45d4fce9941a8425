import type { BrowserContext, Frame, Page } from 'playwright-core';
import type { CookieObservation, Phase, Snapshot, StorageObservation, StorageType } from '../types';
import { bounded } from './bounded';
import type { PageObserver } from './observer';

interface FrameStorage {
  origin: string;
  local: string[];
  session: string[];
  indexeddb: string[];
}

/** Keys of a frame's storage; runs in the page. Storage a frame may not use reads as empty. */
async function readFrameStorage(): Promise<FrameStorage> {
  const keys = (read: () => Storage) => {
    try {
      const storage = read();
      return Array.from({ length: storage.length }, (_, index) => storage.key(index) || '').filter(Boolean);
    } catch {
      return [];
    }
  };
  let indexeddb: string[] = [];
  try {
    indexeddb = (await indexedDB.databases()).map((database) => database.name || '').filter(Boolean);
  } catch {
    /* no IndexedDB here */
  }
  return { origin: location.origin, local: keys(() => localStorage), session: keys(() => sessionStorage), indexeddb };
}

export async function readStorage(page: Page, observer: PageObserver, timeout = 2000): Promise<StorageObservation[]> {
  const frames: Frame[] = page.frames().filter((frame) => !frame.isDetached());
  const results = await Promise.all(frames.map((frame) => bounded(frame.evaluate(readFrameStorage), timeout, null as FrameStorage | null)));
  const out = new Map<string, StorageObservation>();
  for (const result of results) {
    if (!result || result.origin == 'null') continue;
    for (const type of ['local', 'session', 'indexeddb'] as StorageType[])
      for (const key of result[type])
        out.set(type + ' ' + result.origin + ' ' + key, {
          type,
          origin: result.origin,
          key,
          setBy: observer.storageSetter(type, result.origin, key),
        });
  }
  return [...out.values()];
}

export async function readCookies(context: BrowserContext, observer: PageObserver): Promise<CookieObservation[]> {
  const cookies = await context.cookies();
  return cookies.map((cookie) => ({
    name: cookie.name,
    domain: cookie.domain,
    path: cookie.path,
    expires: cookie.expires > 0 ? Math.round(cookie.expires) : null,
    httpOnly: cookie.httpOnly,
    secure: cookie.secure,
    sameSite: cookie.sameSite,
    setBy: observer.cookieSetter(cookie.name, cookie.domain),
  }));
}

/** Everything a phase left behind: the cookie jar, the storage of every frame, the requests it made. */
export async function takeSnapshot(page: Page, observer: PageObserver, phase: Phase): Promise<Snapshot> {
  const [cookies, storage] = await Promise.all([readCookies(page.context(), observer), readStorage(page, observer)]);
  return { phase, url: page.url(), cookies, storage, requests: observer.requests(phase) };
}
