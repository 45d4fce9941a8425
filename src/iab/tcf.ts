import { serveCmpFrames } from './cmp-frames';
import { pageWindow, type IntegrationDeps, type PageWindow, type Uninstall } from '../loader/effects/integrations/contract';

export type TcfCallback = (data: any, success?: boolean) => void;

/** `window.__tcfapi`. `consentry` holds what a TC string source needs; `queue` follows the IAB stub. */
export interface TcfFunction {
  (command?: string, version?: unknown, callback?: TcfCallback, parameter?: unknown): unknown;
  queue?: unknown[][];
  consentry?: { cmpId: number; cmpVersion?: number; gdprApplies: boolean };
}

export const TCF_API_VERSION = '2.2';

/**
 * IAB TCF v2.2 API surface — the stub only, and only when the site owner gives the IAB id of a CMP registered
 * with IAB Europe (`integrations.tcf.cmpId`); without it `__tcfapi` stays undefined.
 *
 * Honest limits: consentry is not a registered CMP and does not write TC strings. It does not load the Global
 * Vendor List, show vendors or purposes, or decode TC strings. The stub answers `ping` (`cmpLoaded: false`,
 * `apiVersion: '2.2'`) and queues every other command until the site's registered CMP plugs its TC string in
 * with `tcfSource` (tcf-source.ts); if that never happens, queued callers are never answered, which the TCF
 * tells vendors to read as "no consent".
 */
export function installTcf(deps: IntegrationDeps): Uninstall {
  const config = deps.settings.integrations.tcf;
  const win = pageWindow(deps);
  if (!config?.cmpId || typeof win.__tcfapi === 'function') return () => {};
  return installTcfStub(win, { cmpId: config.cmpId, cmpVersion: config.cmpVersion, gdprApplies: config.gdprApplies ?? true });
}

export function installTcfStub(win: PageWindow, registration: NonNullable<TcfFunction['consentry']>): Uninstall {
  const queue: unknown[][] = [];
  const stub: TcfFunction = (...args: unknown[]) => {
    if (!args.length) return queue;
    const [command, , callback] = args;
    if (command !== 'ping') queue.push(args);
    else if (typeof callback === 'function') {
      callback(
        {
          gdprApplies: registration.gdprApplies,
          cmpLoaded: false,
          cmpStatus: 'stub',
          displayStatus: 'hidden',
          apiVersion: TCF_API_VERSION,
          cmpId: registration.cmpId,
          cmpVersion: registration.cmpVersion,
        },
        true,
      );
    }
  };
  stub.queue = queue;
  stub.consentry = registration;
  win.__tcfapi = stub;
  const frames = serveCmpFrames(win, '__tcfapi', (call, reply) => {
    if (typeof win.__tcfapi === 'function') win.__tcfapi(call.command, call.version, reply, call.parameter);
  });
  return () => {
    frames();
    if (win.__tcfapi?.consentry) delete win.__tcfapi;
  };
}
