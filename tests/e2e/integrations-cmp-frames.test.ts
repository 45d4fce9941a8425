import { GppModel } from '@iabgpp/cmpapi';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntegrationsConfig } from '../../src/core/config/types';
import type { ConsentState } from '../../src/core/policy/types';
import { launchChromium, newContext } from './helpers/browser';
import { buildTestScripts } from './integrations/build';
import { settingsWith, stateWith } from './integrations/fixtures';
import { startServer, type TestServer } from './integrations/server';

let browser: Browser;
let site: TestServer;
let vendor: TestServer;

/**
 * The vendor's frame on another origin (another port): it has no access to the CMP's window, only to
 * `parent.frames['__gppLocator']` / `['__tcfapiLocator']` and postMessage, exactly as the IAB specs describe.
 */
const VENDOR_FRAME = `<!doctype html><html><body><script>
  window.received = [];
  window.locate = (name) => {
    for (let frame = window; frame; frame = frame === window.top ? null : frame.parent) {
      try { if (frame.frames[name]) return frame; } catch (e) {}
    }
    return null;
  };
  window.addEventListener('message', (event) => {
    const data = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
    const answer = data.__gppReturn || data.__tcfapiReturn;
    if (answer) window.received.push({ asString: typeof event.data === 'string', ...answer });
  });
  window.callCmp = (api, call, asString) => {
    const cmp = window.locate(api + 'Locator');
    const message = { [api + 'Call']: call };
    cmp.postMessage(asString ? JSON.stringify(message) : message, '*');
  };
</script></body></html>`;

beforeAll(async () => {
  const scripts = await buildTestScripts();
  site = await startServer();
  vendor = await startServer();
  for (const [file, code] of Object.entries(scripts)) site.route(`/${file}`, code);
  vendor.route('/frame.html', VENDOR_FRAME);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await vendor?.close();
});

async function open(integrations: IntegrationsConfig, state: ConsentState): Promise<{ tab: Page; frame: Frame; close(): Promise<void> }> {
  const config = JSON.stringify({ settings: settingsWith(integrations), state });
  const path = `/site-${Math.random().toString(36).slice(2)}.html`;
  site.route(
    path,
    `<!doctype html><html><head><script>window.__consentryTestConfig = ${config};</script><script src="/entry.js"></script></head>
<body><iframe id="vendor" src="${vendor.origin}/frame.html"></iframe></body></html>`,
  );
  const context = await newContext(browser);
  const tab = await context.newPage();
  await tab.goto(site.origin + path);
  const frame = (await (await tab.$('#vendor'))!.contentFrame())!;
  await frame.waitForFunction(() => document.readyState === 'complete');
  return { tab, frame, close: () => context.close() };
}

/** Wait until the vendor frame holds `count` answers, then return them. */
async function answers(frame: Frame, count: number) {
  await frame.waitForFunction((n) => (window as any).received.length >= n, count);
  return frame.evaluate(() => (window as any).received);
}

describe('GPP over postMessage from a cross-origin frame', () => {
  const integrations: IntegrationsConfig = { gpp: { enabled: true } };

  it('finds __gppLocator (hidden, added once <body> exists) and gets ping, getField, getSection answered', async () => {
    const { tab, frame, close } = await open(integrations, stateWith({ regime: 'opt-out', region: 'US-CA', gpc: true }));
    await tab.waitForFunction(() => (window as any).__gppFullLoaded);
    const locator = await tab.evaluate(() => {
      const frames = document.querySelectorAll('iframe[name="__gppLocator"]');
      return { count: frames.length, display: getComputedStyle(frames[0]).display, inBody: frames[0].parentElement === document.body };
    });
    expect(locator).toEqual({ count: 1, display: 'none', inBody: true });
    expect(await frame.evaluate(() => location.origin)).not.toBe(await tab.evaluate(() => location.origin));

    await frame.evaluate(() => {
      const call = (window as any).callCmp;
      call('__gpp', { command: 'ping', version: '1.1', callId: 'p1' });
      call('__gpp', { command: 'getField', parameter: 'usnat.SaleOptOut', version: '1.1', callId: 2 }, true);
      call('__gpp', { command: 'getSection', parameter: 'usnat', version: '1.1', callId: 'section' });
    });
    const [ping, field, section] = await answers(frame, 3);
    expect(ping).toMatchObject({ callId: 'p1', success: true, asString: false });
    expect(ping.returnValue).toMatchObject({
      gppVersion: '1.1',
      cmpStatus: 'loaded',
      signalStatus: 'ready',
      supportedAPIs: ['7:usnat'],
      applicableSections: [7],
    });
    const model = new GppModel(ping.returnValue.gppString);
    expect([
      model.getFieldValue('usnat', 'SaleOptOut'),
      model.getFieldValue('usnat', 'SharingOptOut'),
      model.getFieldValue('usnat', 'TargetedAdvertisingOptOut'),
      model.getFieldValue('usnat', 'Gpc'),
    ]).toEqual([1, 1, 1, true]);
    // A call sent as a JSON string is answered as a JSON string.
    expect(field).toEqual({ asString: true, callId: 2, success: true, returnValue: 1 });
    expect(section.returnValue[1]).toEqual({ SubsectionType: 1, Gpc: true });
    await close();
  });

  it('a listener registered from the frame hears the section change when the visitor decides', async () => {
    const { tab, frame, close } = await open(integrations, stateWith({ regime: 'opt-out', region: 'US-VA' }));
    await tab.waitForFunction(() => (window as any).__gppFullLoaded);
    await frame.evaluate(() => (window as any).callCmp('__gpp', { command: 'addEventListener', version: '1.1', callId: 'listen' }));
    const [registered] = await answers(frame, 1);
    expect(registered.returnValue).toMatchObject({ eventName: 'listenerRegistered', data: true });
    expect(new GppModel(registered.returnValue.pingData.gppString).getFieldValue('usnat', 'SaleOptOut')).toBe(2);

    await tab.evaluate(() => (window as any).__consentryTest.decide({ analytics: true, advertising: false }));
    const events = (await answers(frame, 5)).slice(1);
    expect(events.map((event: any) => [event.callId, event.returnValue.eventName, event.returnValue.data])).toEqual([
      ['listen', 'signalStatus', 'not ready'],
      ['listen', 'cmpDisplayStatus', 'hidden'],
      ['listen', 'sectionChange', 'usnat'],
      ['listen', 'signalStatus', 'ready'],
    ]);
    const latest = events[3].returnValue.pingData.gppString;
    expect(new GppModel(latest).getFieldValue('usnat', 'SaleOptOut')).toBe(1);

    // Removing the listener from the frame stops the events.
    await frame.evaluate(
      (id) => (window as any).callCmp('__gpp', { command: 'removeEventListener', parameter: id, version: '1.1', callId: 'stop' }),
      registered.returnValue.listenerId,
    );
    const removed = (await answers(frame, 6))[5];
    expect(removed).toMatchObject({ callId: 'stop', returnValue: true });
    await tab.evaluate(() => (window as any).__consentryTest.decide({ analytics: true, advertising: true }));
    await tab.waitForTimeout(100);
    expect(await frame.evaluate(() => (window as any).received.length)).toBe(6);
    await close();
  });
});

describe('TCF locator from a cross-origin frame', () => {
  it('answers ping through __tcfapiLocator when a registered CMP id is configured', async () => {
    const { tab, frame, close } = await open({ tcf: { cmpId: 300, cmpVersion: 2 } }, stateWith());
    expect(await tab.evaluate(() => document.querySelectorAll('iframe[name="__tcfapiLocator"]').length)).toBe(1);
    await frame.evaluate(() => (window as any).callCmp('__tcfapi', { command: 'ping', version: 2, callId: 't1' }));
    const [ping] = await answers(frame, 1);
    expect(ping).toMatchObject({ callId: 't1', success: true });
    expect(ping.returnValue).toMatchObject({
      cmpLoaded: false,
      cmpStatus: 'stub',
      apiVersion: '2.2',
      cmpId: 300,
      cmpVersion: 2,
      gdprApplies: true,
    });

    // A listener queued by the stub is answered once the site's registered CMP plugs its TC string in.
    await frame.evaluate(() => (window as any).callCmp('__tcfapi', { command: 'addEventListener', version: 2, callId: 't2' }));
    await tab.evaluate(() => (window as any).__consentryTest.tcfSource('CPtest'));
    const [, listener] = await answers(frame, 2);
    expect(listener).toMatchObject({
      callId: 't2',
      success: true,
      returnValue: { tcString: 'CPtest', eventStatus: 'tcloaded', listenerId: 1 },
    });
    await close();
  });

  it('defines neither __tcfapi nor its locator without a CMP id', async () => {
    const { tab, close } = await open({}, stateWith());
    expect(
      await tab.evaluate(() => [typeof (window as any).__tcfapi, document.querySelectorAll('iframe[name="__tcfapiLocator"]').length]),
    ).toEqual(['undefined', 0]);
    await close();
  });
});
