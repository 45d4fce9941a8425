import { GppModel } from '@iabgpp/cmpapi';
import { atom } from 'nanostores';
import { describe, expect, it } from 'vitest';
import type { ConsentState } from '../../src/core/policy/types';
import { createGppApi } from '../../src/iab/gpp/cmp-api';
import { gppStatusFor, installGpp } from '../../src/iab/gpp/index';
import { installGppStub } from '../../src/iab/gpp/stub';
import { headOnlyWindow, settingsWith, stateWith } from '../e2e/integrations/fixtures';

const settings = settingsWith({ gpp: { enabled: true } });
const optedOut = () => stateWith({ regime: 'opt-out', region: 'US-CA', gpc: true });

/** Call and collect what the callback got. */
function ask(call: (...args: any[]) => unknown, command: string, parameter?: unknown) {
  const answers: Array<[any, boolean]> = [];
  call(command, (data: unknown, success: boolean) => answers.push([data, success]), parameter);
  return answers;
}

describe('GPP CMP API commands (v1.1)', () => {
  const status = gppStatusFor(optedOut(), settings);
  const api = createGppApi(() => status);

  it('ping reports version 1.1, the usnat section and a string the IAB library decodes', () => {
    const [[ping, success]] = ask(api.call, 'ping');
    expect(success).toBe(true);
    expect(ping).toMatchObject({
      gppVersion: '1.1',
      cmpStatus: 'loaded',
      cmpDisplayStatus: 'visible',
      signalStatus: 'ready',
      supportedAPIs: ['7:usnat'],
      cmpId: 0,
      sectionList: [7],
      applicableSections: [7],
      gppString: 'DBABL~CVQVAAAAAACA.Y',
    });
    expect(ping.parsedSections.usnat[0]).toMatchObject({ Version: 2, SaleOptOut: 1 });
    expect(new GppModel(ping.gppString).getFieldValue('usnat', 'Gpc')).toBe(true);
  });

  it('hasSection, getSection (one object per sub-section) and getField', () => {
    expect(ask(api.call, 'hasSection', 'usnat')).toEqual([[true, true]]);
    expect(ask(api.call, 'hasSection', 'tcfeuv2')).toEqual([[false, true]]);
    const [[section]] = ask(api.call, 'getSection', 'usnat');
    expect(section).toHaveLength(2);
    expect(section[1]).toEqual({ SubsectionType: 1, Gpc: true });
    expect(ask(api.call, 'getSection', 'uspv1')).toEqual([[null, true]]);
    expect(ask(api.call, 'getField', 'usnat.TargetedAdvertisingOptOut')).toEqual([[1, true]]);
    expect(ask(api.call, 'getField', 'usnat.Gpc')).toEqual([[true, true]]);
    expect(ask(api.call, 'getField', 'usnat.SensitiveDataProcessing')[0][0]).toHaveLength(16);
    expect(ask(api.call, 'getField', 'usnat.NoSuchField')).toEqual([[null, true]]);
    expect(ask(api.call, 'getField', 'usnat')).toEqual([[null, true]]);
  });

  it('answers copies, so a caller cannot change what others read', () => {
    const [[section]] = ask(api.call, 'getSection', 'usnat');
    section[0].SaleOptOut = 2;
    expect(ask(api.call, 'getField', 'usnat.SaleOptOut')).toEqual([[1, true]]);
  });

  it('registers listeners with new ids, answers at once, fires events, and removes them', () => {
    const events: string[] = [];
    const answers = ask(api.call, 'addEventListener');
    api.call('addEventListener', (event: { eventName: string; listenerId: number }) =>
      events.push(`${event.listenerId}:${event.eventName}`),
    );
    expect(answers[0][0]).toMatchObject({ eventName: 'listenerRegistered', listenerId: 1, data: true });
    api.fire('sectionChange', 'usnat');
    expect(events).toEqual(['2:listenerRegistered', '2:sectionChange']);
    expect(ask(api.call, 'removeEventListener', 2)).toEqual([[true, true]]);
    expect(ask(api.call, 'removeEventListener', 2)).toEqual([[false, true]]);
    api.fire('sectionChange', 'usnat');
    expect(events).toHaveLength(2);
  });

  it('refuses unknown commands with success false and ignores calls without a callback', () => {
    expect(ask(api.call, 'getGPPData')).toEqual([[null, false]]);
    expect(() => api.call('ping', undefined)).not.toThrow();
  });

  it('says no section applies outside the US, and takes the configured list over its guess', () => {
    expect(gppStatusFor(stateWith({ region: 'DE' }), settings).applicableSections).toEqual([-1]);
    expect(gppStatusFor(stateWith({ region: 'US' }), settings).applicableSections).toEqual([7]);
    expect(gppStatusFor(stateWith({ region: 'DE' }), settingsWith({ gpp: { applicableSections: [7] } })).applicableSections).toEqual([7]);
  });
});

describe('GPP stub and hand-over to the full part', () => {
  it('the stub answers generic commands at once, queues the rest and returns its queue when called bare', () => {
    const win = headOnlyWindow();
    installGppStub(win, settings);
    expect(ask(win.__gpp, 'ping')[0][0]).toMatchObject({
      gppVersion: '1.1',
      cmpStatus: 'stub',
      signalStatus: 'not ready',
      applicableSections: [0],
    });
    expect(ask(win.__gpp, 'getField', 'usnat.SaleOptOut')).toEqual([[null, true]]);
    win.__gpp('usnat.someCommand', () => {}, 1);
    expect(win.__gpp()).toHaveLength(1);
  });

  it("leaves another CMP's __gpp alone", () => {
    const win = headOnlyWindow();
    const other = () => {};
    win.__gpp = other;
    installGppStub(win, settings)();
    installGpp({ $state: atom(stateWith()), settings, window: win })();
    expect(win.__gpp).toBe(other);
  });

  it('keeps stub listeners, answers queued calls, then announces loaded and ready', () => {
    const win = headOnlyWindow();
    installGppStub(win, settings);
    const events: Array<[string, unknown, string]> = [];
    win.__gpp('addEventListener', (event: any) => events.push([event.eventName, event.data, event.pingData.cmpStatus]));
    const queued = ask(win.__gpp, 'usnat.unknown');
    installGpp({ $state: atom(optedOut()), settings, window: win });
    expect(queued).toEqual([[null, false]]);
    expect(events).toEqual([
      ['listenerRegistered', true, 'stub'],
      ['cmpStatus', 'loaded', 'loaded'],
      ['signalStatus', 'ready', 'loaded'],
    ]);
  });

  it('on a decision: signalStatus not ready, display hidden, sectionChange, signalStatus ready, with the new string', () => {
    const win = headOnlyWindow();
    const $state = atom<ConsentState>(stateWith({ regime: 'opt-out', region: 'US-VA' }));
    installGpp({ $state, settings, window: win });
    expect(ask(win.__gpp, 'getField', 'usnat.SaleOptOut')).toEqual([[2, true]]);
    const events: Array<[string, unknown, string, string]> = [];
    win.__gpp('addEventListener', (event: any) =>
      events.push([event.eventName, event.data, event.pingData.signalStatus, event.pingData.gppString]),
    );
    const before = events[0][3];
    $state.set(stateWith({ record: true, regime: 'opt-out', region: 'US-VA', categories: { advertising: false } }));
    const after = ask(win.__gpp, 'ping')[0][0].gppString;
    expect(events.slice(1)).toEqual([
      ['signalStatus', 'not ready', 'not ready', before],
      ['cmpDisplayStatus', 'hidden', 'not ready', before],
      ['sectionChange', 'usnat', 'not ready', after],
      ['signalStatus', 'ready', 'ready', after],
    ]);
    expect(new GppModel(after).getFieldValue('usnat', 'SaleOptOut')).toBe(1);
    // A change that leaves the string alone fires nothing.
    $state.set({ ...$state.get() });
    expect(events).toHaveLength(5);
  });

  it('uninstall removes __gpp', () => {
    const win = headOnlyWindow();
    installGpp({ $state: atom(stateWith()), settings, window: win })();
    expect(win.__gpp).toBeUndefined();
  });
});
