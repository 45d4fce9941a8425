// @vitest-environment happy-dom
import { atom } from 'nanostores';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decide } from '../../src/core/policy/decide';
import { decodeRecord } from '../../src/core/policy/record';
import { choiceParts } from '../../src/parts/choice-parts';
import { installFloatingButton } from '../../src/loader/effects/floating-button';
import { createRuntime } from '../../src/loader/runtime';
import type { UiModule } from '../../src/ui/contract';
import { makeSettings } from './fixtures/settings';

/** Issue 19 §3, §5, §6: the loader acting on an honoured signal, and the reopen control of notice-only regions. */
function start(region: string) {
  const ui: UiModule & { views: string[] } = {
    views: [],
    show: vi.fn((_ctx, view) => void ui.views.push(view)),
    hide: vi.fn(),
    unmount: vi.fn(),
  };
  const runtime = createRuntime({ loadUi: async () => ui, loadLanguage: async () => null, parts: () => choiceParts });
  const settings = makeSettings({ regions: { ...makeSettings().regions, source: region } });
  runtime.configure(settings);
  return { api: runtime.api, ui, settings };
}
const cookieValue = () => decodeRecord(decodeURIComponent(document.cookie.match(/(?:^|; )consentry=([^;]*)/)?.[1] || ''));
const sendGpc = (on: boolean) => Object.defineProperty(navigator, 'globalPrivacyControl', { value: on, configurable: true });

beforeEach(() => {
  for (const c of document.cookie.split('; ')) if (c) document.cookie = c.split('=')[0] + '=; max-age=0; path=/';
  document.body.innerHTML = '';
});
afterEach(() => sendGpc(false));

describe('an honoured signal, in the loader', () => {
  it('opt-out with GPC: no banner; the opt-out is recorded (method and via "gpc") and the notice shown once', async () => {
    sendGpc(true);
    const first = start('US-CA');
    await vi.waitFor(() => expect(first.ui.views).toEqual(['notice']));
    expect(cookieValue()).toMatchObject({
      method: 'gpc',
      via: 'gpc',
      lang: 'en',
      region: 'US-CA',
      categories: { analytics: true, advertising: false },
    });
    expect(first.api.get()).toMatchObject({
      status: 'decided',
      needsBanner: false,
      needsNotice: false,
      categories: { advertising: false },
    });
    const next = start('US-CA');
    await new Promise((r) => setTimeout(r, 10));
    expect(next.ui.views).toEqual([]);
  });

  it('opt-out without GPC: the banner, and nothing recorded', async () => {
    const { ui } = start('US-CA');
    await vi.waitFor(() => expect(ui.views).toEqual(['banner']));
    expect(cookieValue()).toBeNull();
  });

  it('opt-in with GPC: the banner; "Accept all" records advertising refused', async () => {
    sendGpc(true);
    const { ui, api } = start('DE');
    await vi.waitFor(() => expect(ui.views).toEqual(['banner']));
    api.acceptAll();
    expect(cookieValue()).toMatchObject({ method: 'accept-all', via: 'api', categories: { analytics: true, advertising: false } });
    expect(api.isGranted('advertising')).toBe(false);
  });

  it('notice-only with GPC: advertising held, no banner, no notice', async () => {
    sendGpc(true);
    const { ui, api } = start('US-NY');
    await new Promise((r) => setTimeout(r, 10));
    expect(ui.views).toEqual([]);
    expect(api.get().categories).toEqual({ essential: true, analytics: true, advertising: false });
  });
});

describe('the floating reopen button', () => {
  const button = () => document.querySelector('[data-consentry-reopen]');
  const settings = makeSettings();
  const stateAt = (region: string) => decide(settings, { record: null, now: Date.now(), region, gpc: false, dnt: false });

  it('is there in a notice-only region before any choice (the visitor is never asked)', () => {
    const remove = installFloatingButton(atom(stateAt('US-NY')), 'en', undefined, () => {});
    expect(button()?.getAttribute('aria-label')).toBe('Cookie settings');
    remove();
  });

  it('waits for a choice where the banner asks', () => {
    for (const region of ['DE', 'US-CA']) {
      const remove = installFloatingButton(atom(stateAt(region)), 'en', undefined, () => {});
      expect(button()).toBeNull();
      remove();
    }
  });
});
