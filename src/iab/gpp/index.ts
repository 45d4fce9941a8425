import type { Settings } from '../../core/config/types';
import type { ConsentState } from '../../core/policy/types';
import { pageWindow, type IntegrationDeps, type Uninstall } from '../../loader/effects/integrations/contract';
import { createGppApi, type GppStatus } from './cmp-api';
import { installGppStub, type GppFunction } from './stub';
import { encodeUsNat, usnatFor, USNAT_ID, USNAT_PREFIX } from './usnat';

/** What the CMP holds for this consent state. */
export function gppStatusFor(state: ConsentState, settings: Settings): GppStatus {
  const config = settings.integrations.gpp || {};
  const usnat = usnatFor(state, settings);
  return {
    cmpStatus: 'loaded',
    // The banner is up while a decision is due; reopened preferences are not seen from here.
    cmpDisplayStatus: state.needsBanner ? 'visible' : 'hidden',
    signalStatus: 'ready',
    cmpId: config.cmpId || 0,
    // US National applies to US visitors, and to visitors whose region the site does not tell us.
    applicableSections: config.applicableSections || (state.region === null || /^US(-|$)/.test(state.region) ? [USNAT_ID] : [-1]),
    sections: [{ id: USNAT_ID, prefix: USNAT_PREFIX, parsed: usnat, encoded: encodeUsNat(usnat) }],
  };
}

/**
 * The full GPP CMP API, loaded lazily after the stub: it takes over `__gpp` (adopting the stub's queue and
 * listeners), announces `cmpStatus: loaded` and `signalStatus: ready`, and on every change of the usnat section
 * fires `signalStatus: not ready` → (`cmpDisplayStatus`) → `sectionChange: usnat` → `signalStatus: ready`.
 * Does nothing when another CMP owns `__gpp`.
 */
export function installGpp(deps: IntegrationDeps): Uninstall {
  const { settings, $state } = deps;
  const win = pageWindow(deps);
  if (typeof win.__gpp === 'function' && !win.__gpp.consentry) return () => {};
  const uninstallStub = installGppStub(win, settings);
  const stub = win.__gpp as GppFunction;
  const queued = ((stub() as unknown[][]) || []).splice(0);

  let status = gppStatusFor($state.get(), settings);
  const api = createGppApi(() => status, stub.events, stub.lastId);
  const full: GppFunction = (command, callback, parameter, version) => api.call(command, callback, parameter, version);
  full.consentry = true;
  win.__gpp = full;
  for (const args of queued) api.call(...(args as Parameters<typeof api.call>));
  api.fire('cmpStatus', 'loaded');
  api.fire('signalStatus', 'ready');

  const unlisten = $state.listen((state) => {
    const next = gppStatusFor(state, settings);
    const displayChanged = next.cmpDisplayStatus !== status.cmpDisplayStatus;
    const signalChanged =
      next.sections[0].encoded !== status.sections[0].encoded || next.applicableSections.join() !== status.applicableSections.join();
    if (!signalChanged) {
      status = next;
      if (displayChanged) api.fire('cmpDisplayStatus', next.cmpDisplayStatus);
      return;
    }
    // signalStatus is first and last in a chain of events (CMP API v1.1, addEventListener).
    status = { ...status, signalStatus: 'not ready' };
    api.fire('signalStatus', 'not ready');
    status = { ...status, cmpDisplayStatus: next.cmpDisplayStatus };
    if (displayChanged) api.fire('cmpDisplayStatus', next.cmpDisplayStatus);
    status = { ...next, signalStatus: 'not ready' };
    api.fire('sectionChange', USNAT_PREFIX);
    status = next;
    api.fire('signalStatus', 'ready');
  });

  return () => {
    unlisten();
    if (win.__gpp === full) delete win.__gpp;
    uninstallStub();
  };
}
