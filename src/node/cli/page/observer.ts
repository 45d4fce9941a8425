import type { BrowserContext, Page, Request, Response } from 'playwright-core';
import type { Phase, RequestObservation, Setter, StorageType } from '../types';
import { parseCookieWrite, type CookieWrite } from './cookie-write';
import { cdpInitiatorUrl, createInitiatorLog, type CdpInitiator } from './initiator-chain';
import { instrumentWrites, REPORT_BINDING, type WriteReport } from './instrument';
import { bounded } from './bounded';
import { pickScriptUrl } from './pick-script-url';

interface SeenRequest {
  request: Request;
  phase: Phase;
}

interface CookieEvent extends CookieWrite {
  setter: Setter;
}

interface StorageEvent {
  type: StorageType;
  origin: string;
  key: string;
  setter: Setter;
}

export interface PageObserver {
  /** Requests from now on are counted in this phase. */
  setPhase(phase: Phase): void;
  /** Start watching a page (CDP initiators); the context's first page is watched by `observe`. */
  watchPage(page: Page): Promise<void>;
  /** Requests to other origins made during a phase. */
  requests(phase: Phase): RequestObservation[];
  /** Who last wrote this cookie: a response header or a script. */
  cookieSetter(name: string, domain: string): Setter;
  storageSetter(type: StorageType, origin: string, key: string): Setter;
  /** Wait until no request has been in flight for `quietMs` (never longer than `maxMs`). */
  waitForQuiet(quietMs: number, maxMs: number): Promise<void>;
}

/** A request open longer than this (or twice the quiet time) no longer keeps a page from settling. */
const MIN_LONG_REQUEST_MS = 1000;
const SKIPPED_SCHEMES = /^(data|blob|about|chrome|chrome-extension|devtools):/;

/**
 * Watches one browser context: every request and redirect, every Set-Cookie header (from
 * `headersArray`, which keeps repeated headers apart), every script write to cookies and storage,
 * and Chromium's own account of who initiated each request.
 */
export async function observe(context: BrowserContext, origin: string, sdkScript: RegExp): Promise<PageObserver> {
  let phase: Phase = 'before-consent';
  const seen: SeenRequest[] = [];
  const cookieEvents: CookieEvent[] = [];
  const storageEvents: StorageEvent[] = [];
  const initiators = createInitiatorLog();
  const pendingHeaders = new Set<Promise<unknown>>();
  // Requests still open, by start time. One open for long (a long poll, a stream, a keepalive beacon
  // Chromium never reports finished) stops counting, or a page would never settle.
  const open = new Map<Request, number>();
  let lastActivity = Date.now();
  const started = (request: Request) => {
    open.set(request, (lastActivity = Date.now()));
  };
  const ended = (request: Request) => {
    if (open.delete(request)) lastActivity = Date.now();
  };
  const busy = (longRequest: number) => {
    const now = Date.now();
    for (const since of open.values()) if (now - since < longRequest) return true;
    return false;
  };

  await context.exposeBinding(REPORT_BINDING, ({ frame }, report: WriteReport) => {
    const frameUrl = frame.url();
    const url = pickScriptUrl(report.stack, sdkScript);
    const setter: Setter = url ? { kind: 'script', url, inline: url == frameUrl.split('#')[0] } : { kind: 'unknown' };
    if (report.kind == 'cookie') {
      const write = parseCookieWrite(report.text, frameUrl);
      if (write) cookieEvents.push({ ...write, setter });
    } else {
      let frameOrigin = '';
      try {
        frameOrigin = new URL(frameUrl).origin;
      } catch {
        /* about:blank frames inherit their parent's storage; the key is matched on name alone */
      }
      storageEvents.push({ type: report.kind, origin: frameOrigin, key: report.text, setter });
    }
  });
  await context.addInitScript(instrumentWrites, REPORT_BINDING);

  const onResponse = (response: Response) => {
    const url = response.url();
    const headers = response
      .headersArray()
      .then((list) => {
        for (const { name, value } of list) {
          if (name.toLowerCase() != 'set-cookie') continue;
          // Chromium may fold several Set-Cookie headers into one value separated by newlines.
          for (const line of value.split('\n')) {
            const write = parseCookieWrite(line, url);
            if (write) cookieEvents.push({ ...write, setter: { kind: 'header', url } });
          }
        }
      })
      .catch(() => {})
      .finally(() => pendingHeaders.delete(headers));
    pendingHeaders.add(headers);
  };
  context.on('request', (request) => {
    started(request);
    const url = request.url();
    if (SKIPPED_SCHEMES.test(url)) return;
    let requestOrigin = '';
    try {
      requestOrigin = new URL(url).origin;
    } catch {
      return;
    }
    if (requestOrigin != origin) seen.push({ request, phase });
  });
  context.on('requestfinished', ended);
  context.on('requestfailed', ended);
  context.on('response', onResponse);

  const watched = new WeakSet<Page>();
  const watchPage = async (page: Page) => {
    if (watched.has(page)) return;
    watched.add(page);
    try {
      const session = await context.newCDPSession(page);
      session.on('Network.requestWillBeSent', (event: { request: { url: string }; initiator?: CdpInitiator; documentURL?: string }) => {
        const by = cdpInitiatorUrl(event.initiator);
        if (by) initiators.note(event.request.url, by);
      });
      await session.send('Network.enable');
    } catch {
      /* the page closed first: frames and redirects still tell who asked */
    }
  };
  context.on('page', (page) => void watchPage(page));

  const requests = (wanted: Phase): RequestObservation[] =>
    seen
      .filter((entry) => entry.phase == wanted)
      .map(({ request }) => {
        const url = request.url();
        const redirectedFrom: string[] = [];
        for (let from = request.redirectedFrom(); from; from = from.redirectedFrom()) redirectedFrom.unshift(from.url());
        let frame = '';
        try {
          frame = request.frame().url();
        } catch {
          /* service worker requests have no frame */
        }
        const first = redirectedFrom[0] || url;
        // Without Chromium's word (a cross-site frame runs in another process), the frame asked.
        const chain = initiators.chain(first);
        return {
          url,
          host: new URL(url).host,
          resourceType: request.resourceType(),
          method: request.method(),
          frame,
          initiators: chain.length ? chain : frame && frame != url ? [frame, ...initiators.chain(frame)] : [],
          redirectedFrom,
        };
      });

  const latest = <T extends { setter: Setter }>(events: T[], match: (event: T) => boolean): Setter => {
    for (let index = events.length - 1; index >= 0; index--) if (match(events[index])) return events[index].setter;
    return { kind: 'unknown' };
  };

  return {
    setPhase(next) {
      phase = next;
    },
    watchPage,
    requests,
    cookieSetter(name, domain) {
      const host = domain.replace(/^\./, '').toLowerCase();
      return latest(cookieEvents, (event) => !event.deletes && event.name == name && event.domain == host);
    },
    storageSetter(type, storageOrigin, key) {
      return latest(storageEvents, (event) => event.type == type && event.key == key && (!event.origin || event.origin == storageOrigin));
    },
    async waitForQuiet(quietMs, maxMs) {
      const deadline = Date.now() + maxMs;
      const longRequest = Math.max(MIN_LONG_REQUEST_MS, 2 * quietMs);
      while (Date.now() < deadline) {
        if (!busy(longRequest) && Date.now() - lastActivity >= quietMs) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await bounded(Promise.all([...pendingHeaders]), deadline - Date.now(), []);
    },
  };
}
