import { atom } from 'nanostores';
import { describe, expect, it } from 'vitest';
import { installTcf } from '../../src/iab/tcf';
import { tcfSource } from '../../src/iab/tcf-source';
import { headOnlyWindow, settingsWith, stateWith } from '../e2e/integrations/fixtures';

const enabled = settingsWith({ tcf: { cmpId: 300, cmpVersion: 7 } });
const install = (settings = enabled, win = headOnlyWindow()) => {
  const uninstall = installTcf({ $state: atom(stateWith()), settings, window: win });
  return { win, uninstall };
};
const answers = () => {
  const list: unknown[][] = [];
  return { list, callback: (...args: unknown[]) => list.push(args) };
};

describe('TCF v2.2 stub', () => {
  it('does not exist without a registered CMP id', () => {
    expect(install(settingsWith({})).win.__tcfapi).toBeUndefined();
    expect(install(settingsWith({ tcf: { cmpId: 0 } })).win.__tcfapi).toBeUndefined();
  });

  it('answers ping at once: stub, not loaded, API 2.2, the registration, gdprApplies', () => {
    const { win } = install();
    const { list, callback } = answers();
    win.__tcfapi('ping', 2, callback);
    expect(list).toEqual([
      [
        { gdprApplies: true, cmpLoaded: false, cmpStatus: 'stub', displayStatus: 'hidden', apiVersion: '2.2', cmpId: 300, cmpVersion: 7 },
        true,
      ],
    ]);
    const notApplying = install(settingsWith({ tcf: { cmpId: 300, gdprApplies: false } })).win;
    notApplying.__tcfapi('ping', 2, callback);
    expect(list[1][0]).toMatchObject({ gdprApplies: false });
  });

  it('queues every other command, in order, and returns the queue when called bare', () => {
    const { win } = install();
    const { list, callback } = answers();
    win.__tcfapi('addEventListener', 2, callback);
    win.__tcfapi('getVendorList', 2, callback, 'LATEST');
    expect(list).toEqual([]);
    expect(win.__tcfapi()).toEqual([
      ['addEventListener', 2, callback],
      ['getVendorList', 2, callback, 'LATEST'],
    ]);
  });

  it("leaves another CMP's __tcfapi alone and removes its own on uninstall", () => {
    const other = () => {};
    const win = headOnlyWindow();
    win.__tcfapi = other;
    install(enabled, win).uninstall();
    expect(win.__tcfapi).toBe(other);
    const own = install();
    own.uninstall();
    expect(own.win.__tcfapi).toBeUndefined();
  });
});

describe('tcfSource adapter', () => {
  it('answers what was queued, then serves loaded ping and listeners with the TC string', () => {
    const { win } = install();
    const early = answers();
    win.__tcfapi('addEventListener', 2, early.callback);
    let tcString: string | null = null;
    const source = tcfSource(() => tcString, win);
    expect(early.list[0]).toEqual([expect.objectContaining({ eventStatus: 'cmpuishown', tcString: '', listenerId: 1, cmpId: 300 }), true]);

    const ping = answers();
    win.__tcfapi('ping', 2, ping.callback);
    expect(ping.list[0][0]).toMatchObject({ cmpLoaded: true, cmpStatus: 'loaded', apiVersion: '2.2', tcfPolicyVersion: 4 });

    tcString = 'CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA';
    source.update();
    expect(early.list[1][0]).toMatchObject({ eventStatus: 'useractioncomplete', tcString, listenerId: 1, gdprApplies: true });

    const late = answers();
    win.__tcfapi('addEventListener', 2, late.callback);
    expect(late.list[0][0]).toMatchObject({ eventStatus: 'tcloaded', tcString, listenerId: 2 });
    // Not decoded: purpose and vendor maps are empty, which reads as "no consent".
    expect(late.list[0][0]).toMatchObject({ purpose: { consents: {} }, vendor: { consents: {} } });
  });

  it('removes listeners, refuses version 1 and the deprecated getTCData', () => {
    const { win } = install();
    const source = tcfSource(() => 'TC', win);
    const listener = answers();
    win.__tcfapi('addEventListener', 2, listener.callback);
    const removed = answers();
    win.__tcfapi('removeEventListener', 2, removed.callback, 1);
    win.__tcfapi('removeEventListener', 2, removed.callback, 1);
    expect(removed.list).toEqual([[true], [false]]);
    source.update();
    expect(listener.list).toHaveLength(1);
    const refused = answers();
    win.__tcfapi('ping', 1, refused.callback);
    win.__tcfapi('getTCData', 2, refused.callback);
    expect(refused.list).toEqual([
      [null, false],
      [null, false],
    ]);
  });

  it('gives only the registration when GDPR does not apply', () => {
    const { win } = install(settingsWith({ tcf: { cmpId: 300, cmpVersion: 7, gdprApplies: false } }));
    tcfSource(() => 'TC', win);
    const listener = answers();
    win.__tcfapi('addEventListener', 2, listener.callback);
    expect(listener.list[0][0]).toEqual({ gdprApplies: false, tcfPolicyVersion: 4, cmpId: 300, cmpVersion: 7, listenerId: 1 });
  });

  it('refuses to run without the stub (TCF not enabled), and uninstall puts the stub back', () => {
    expect(() => tcfSource(() => null, headOnlyWindow())).toThrow(/not enabled/);
    const { win } = install();
    const stub = win.__tcfapi;
    tcfSource(() => null, win).uninstall();
    expect(win.__tcfapi).toBe(stub);
    expect(win.__tcfapi()).toEqual([]);
  });
});
