import type { Settings } from '../../core/config/types';
import { serveCmpFrames } from '../cmp-frames';
import type { PageWindow, Uninstall } from '../../loader/effects/integrations/contract';

export type GppCallback = (data: any, success: boolean) => void;

export interface GppListener {
  id: number;
  callback: GppCallback;
  parameter?: unknown;
}

/**
 * `window.__gpp`. The stub keeps its state where the IAB sample stub does (`queue`, `events`, `lastId`), so the
 * full part, built as a separate file, can adopt it; `consentry` marks it as ours, not another CMP's.
 */
export interface GppFunction {
  (command?: string, callback?: GppCallback, parameter?: unknown, version?: string): unknown;
  queue?: unknown[][];
  events?: GppListener[];
  lastId?: number;
  consentry?: true;
}

/** Section ids with API prefixes in the form GPP CMP API 1.1 asks for. */
export const SUPPORTED_APIS = ['7:usnat'];

/**
 * The synchronous GPP stub (CMP API v1.1), installed at loader start when GPP is enabled: generic commands are
 * answered at once (with `cmpStatus: 'stub'`, no sections yet), anything else is queued for the full part,
 * and the `__gppLocator` frame plus the `__gppCall` → `__gppReturn` message relay serve nested frames.
 * Leaves an existing `__gpp` (another CMP) alone.
 */
export function installGppStub(win: PageWindow, settings: Settings): Uninstall {
  if (typeof win.__gpp === 'function') return () => {};
  const config = settings.integrations.gpp || {};
  const ping = () => ({
    gppVersion: '1.1',
    cmpStatus: 'stub',
    cmpDisplayStatus: 'hidden',
    signalStatus: 'not ready',
    supportedAPIs: SUPPORTED_APIS,
    cmpId: config.cmpId || 0,
    sectionList: [],
    // 0: not determined yet (the spec's value during stub/load).
    applicableSections: config.applicableSections || [0],
    gppString: '',
    parsedSections: {},
  });
  const queue: unknown[][] = [];
  const events: GppListener[] = [];
  const stub: GppFunction = (...args: unknown[]) => {
    if (!args.length) return queue;
    const [command, callback, parameter] = args;
    const reply = (typeof callback === 'function' ? callback : () => {}) as GppCallback;
    if (command === 'ping') reply(ping(), true);
    else if (command === 'addEventListener') {
      const id = (stub.lastId = stub.lastId! + 1);
      events.push({ id, callback: reply, parameter });
      reply({ eventName: 'listenerRegistered', listenerId: id, data: true, pingData: ping() }, true);
    } else if (command === 'removeEventListener') {
      const index = events.findIndex((listener) => listener.id === Number(parameter));
      if (index >= 0) events.splice(index, 1);
      reply(index >= 0, true);
    } else if (/^(hasSection|getSection|getField)$/.test(command as string)) reply(null, true);
    else queue.push(args);
  };
  Object.assign(stub, { queue, events, lastId: 0, consentry: true });
  win.__gpp = stub;
  const frames = serveCmpFrames(win, '__gpp', (call, reply) => {
    if (typeof win.__gpp === 'function') win.__gpp(call.command, reply, call.parameter, call.version);
  });
  return () => {
    frames();
    if (win.__gpp?.consentry) delete win.__gpp;
  };
}
