import type { PageWindow } from '../loader/effects/integrations/contract';
import { TCF_API_VERSION, type TcfCallback, type TcfFunction } from './tcf';

/** TCF v2.2 is TCF policy version 4. */
const TCF_POLICY_VERSION = 4;

export interface TcfSource {
  /** The TC string changed (the visitor decided in the registered CMP's UI): tell every listener. */
  update(): void;
  /** Put the stub's behaviour back: commands queue again. */
  uninstall(): void;
}

/**
 * Adapter for a site whose registered CMP produces TC strings: `getTCString` is asked whenever a caller needs
 * the current string (null while there is none). It replaces the stub (answering what was queued) with
 * `ping` (`cmpLoaded: true`), `addEventListener` and `removeEventListener`.
 *
 * Limits: the TCData it gives carries the string and the registration, not the decoded purposes and vendors
 * (those maps are empty, which reads as "no consent"): vendors must decode `tcString`, as most do.
 * `getTCData` (deprecated in TCF 2.2) and `getVendorList` answer `success: false`.
 * Throws when TCF is not enabled (no `integrations.tcf.cmpId`, so no stub).
 */
export function tcfSource(getTCString: () => string | null, win: PageWindow = window as PageWindow): TcfSource {
  const stub = win.__tcfapi as TcfFunction | undefined;
  const registration = stub?.consentry;
  if (!stub || !registration) throw new Error('consentry: TCF is not enabled (set integrations.tcf.cmpId)');
  const { cmpId, cmpVersion, gdprApplies } = registration;
  const listeners = new Map<number, TcfCallback>();
  let lastId = 0;

  const tcData = (eventStatus: string, listenerId?: number) => {
    const base = { gdprApplies, tcfPolicyVersion: TCF_POLICY_VERSION, cmpId, cmpVersion, listenerId };
    if (!gdprApplies) return base;
    const empty = () => ({ consents: {}, legitimateInterests: {} });
    return {
      ...base,
      tcString: getTCString() || '',
      eventStatus,
      cmpStatus: 'loaded',
      isServiceSpecific: true,
      useNonStandardStacks: false,
      purposeOneTreatment: false,
      purpose: empty(),
      vendor: empty(),
      specialFeatureOptins: {},
      publisher: { ...empty(), customPurpose: empty(), restrictions: {} },
    };
  };

  const api: TcfFunction = (command, version, callback, parameter) => {
    if (typeof callback !== 'function') return;
    // 0, null or undefined mean "latest"; 1 is no longer supported; only 2 exists.
    if (version != null && version !== 0 && version !== 2) return callback(null, false);
    if (command === 'ping') {
      return callback({
        gdprApplies,
        cmpLoaded: true,
        cmpStatus: 'loaded',
        displayStatus: 'hidden',
        apiVersion: TCF_API_VERSION,
        cmpId,
        cmpVersion,
        tcfPolicyVersion: TCF_POLICY_VERSION,
      });
    }
    if (command === 'addEventListener') {
      const id = ++lastId;
      listeners.set(id, callback);
      return callback(tcData(getTCString() ? 'tcloaded' : 'cmpuishown', id), true);
    }
    if (command === 'removeEventListener') return callback(listeners.delete(Number(parameter)));
    callback(null, false);
  };
  api.consentry = registration;

  const queued = ((stub() as unknown[][]) || []).splice(0);
  win.__tcfapi = api;
  for (const args of queued) api(...(args as Parameters<TcfFunction>));

  return {
    update() {
      for (const [id, callback] of listeners) callback(tcData('useractioncomplete', id), true);
    },
    uninstall() {
      listeners.clear();
      if (win.__tcfapi === api) win.__tcfapi = stub;
    },
  };
}
