// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeRecord } from '../../src/core/policy/record';
import { choiceParts, type ChoiceParts } from '../../src/parts/choice-parts';
import { createRuntime } from '../../src/loader/runtime';
import type { UiModule } from '../../src/ui/contract';
import { makeSettings } from './fixtures/settings';

function fakeUi() {
  const ui: UiModule & { views: string[] } = {
    views: [],
    show: vi.fn((_ctx, view) => void ui.views.push(view)),
    hide: vi.fn(),
    unmount: vi.fn(),
  };
  return ui;
}

function start(settings = makeSettings(), ui = fakeUi()) {
  const runtime = createRuntime({ loadUi: async () => ui, loadLanguage: async () => null, parts: () => choiceParts });
  return { runtime, ui, api: runtime.api, settings };
}

const cookieValue = () => decodeRecord(decodeURIComponent(document.cookie.match(/(?:^|; )consentry=([^;]*)/)?.[1] || ''));

beforeEach(() => {
  for (const c of document.cookie.split('; ')) if (c) document.cookie = c.split('=')[0] + '=; max-age=0; path=/';
});

describe('runtime', () => {
  it('holds every non-essential category until a config is known', () => {
    const { api } = start();
    expect(api.get().categories).toEqual({ essential: true });
    expect(api.isGranted('analytics')).toBe(false);
  });

  it('shows the banner for a first visit and records accept-all in the cookie', async () => {
    const { runtime, api, ui, settings } = start();
    const events: string[] = [];
    api.on('ready', () => events.push('ready'));
    api.on('consent', () => events.push('consent'));
    api.on('change', (d) => events.push('change:' + Object.keys(d.categories).join(',')));
    runtime.configure(settings);
    await vi.waitFor(() => expect(ui.views).toEqual(['banner']));
    api.acceptAll();
    expect(api.get().categories).toEqual({ essential: true, analytics: true, advertising: true });
    expect(cookieValue()).toMatchObject({ method: 'accept-all', categories: { analytics: true, advertising: true }, revision: 0 });
    expect(events).toEqual(['ready', 'change:analytics,advertising', 'consent']);
    await vi.waitFor(() => expect(ui.hide).toHaveBeenCalled());
  });

  it('restores the choice on the next page view without a banner', async () => {
    const first = start();
    first.runtime.configure(first.settings);
    first.api.set({ categories: { analytics: true } });
    const next = start();
    next.runtime.configure(next.settings);
    expect(next.api.get()).toMatchObject({ status: 'decided', categories: { analytics: true, advertising: false } });
    await new Promise((r) => setTimeout(r, 10));
    expect(next.ui.views).toEqual([]);
  });

  it('queues API calls made before the config arrives', () => {
    const { runtime, api, settings } = start();
    api.rejectAll();
    expect(cookieValue()).toBeNull();
    runtime.configure(settings);
    expect(cookieValue()).toMatchObject({ method: 'reject-all' });
  });

  it('keeps the consent id across later changes and asks again after reset', async () => {
    const { runtime, api, settings, ui } = start();
    runtime.configure(settings);
    api.acceptAll();
    const id = api.get().record!.id;
    api.rejectAll();
    expect(api.get().record!.id).toBe(id);
    api.reset();
    expect(cookieValue()).toBeNull();
    expect(api.get()).toMatchObject({ status: 'pending', needsBanner: true });
    await vi.waitFor(() => expect(ui.views.at(-1)).toBe('banner'));
  });

  it('close means refusal', () => {
    const { runtime, api, settings, ui } = start();
    runtime.configure(settings);
    return vi
      .waitFor(() => expect(ui.show).toHaveBeenCalled())
      .then(() => {
        const ctx = (ui.show as any).mock.calls[0][0];
        ctx.close();
        expect(api.get().categories).toEqual({ essential: true, analytics: false, advertising: false });
        expect(api.get().record!.method).toBe('close');
      });
  });

  it('a UI chunk that fails to load is retried on the next request and reported', async () => {
    const ui = fakeUi();
    let attempts = 0;
    const runtime = createRuntime({
      loadUi: async () => {
        if (attempts++ === 0) throw new Error('network');
        return ui;
      },
      loadLanguage: async () => null,
      parts: () => choiceParts,
    });
    const errors: Error[] = [];
    runtime.api.on('error', ({ error }) => errors.push(error));
    runtime.configure(makeSettings());
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    await runtime.api.showPreferences();
    expect(ui.views).toEqual(['preferences']);
  });

  it('a throwing listener does not stop the others', () => {
    const { runtime, api, settings } = start();
    const seen: string[] = [];
    api.on('ready', () => {
      throw new Error('site bug');
    });
    api.on('ready', () => seen.push('second'));
    api.on('error', () => seen.push('error'));
    runtime.configure(settings);
    expect(seen).toEqual(['error', 'second']);
  });

  it('isGranted answers for services inside their category', () => {
    const { runtime, api, settings } = start();
    runtime.configure(settings);
    api.set({ categories: { analytics: true }, services: { ga: false } });
    expect(api.isGranted('analytics')).toBe(true);
    expect(api.isGranted('ga')).toBe(false);
    expect(api.isGranted('ads')).toBe(false);
    expect(api.isGranted('unknown')).toBe(false);
  });
});

describe('a config that could not be had (issue 24 #15)', () => {
  it('showPreferences() and showBanner() reject with its error, waiting or asked after; a valid config later shows', async () => {
    const { runtime, api, ui, settings } = start();
    const waiting = api.showPreferences();
    const error = new Error('consentry: invalid config: revision must be an integer');
    runtime.refuse(error);
    await expect(waiting).rejects.toBe(error);
    await expect(api.showBanner()).rejects.toBe(error);
    runtime.configure(settings);
    await api.showPreferences();
    expect(ui.views).toContain('preferences');
  });
});

describe('ready', () => {
  it('reaches a listener added after it fired, once', async () => {
    const { runtime, api, settings } = start();
    runtime.configure(settings);
    const heard: string[] = [];
    api.on('ready', (state) => heard.push(state.status));
    expect(heard).toEqual([]);
    await Promise.resolve();
    expect(heard).toEqual(['pending']);
  });
});

describe('choice parts fetched on demand (script-tag build)', () => {
  function lazyStart(fetchParts: () => Promise<ChoiceParts>) {
    let registered: ChoiceParts | undefined;
    const calls = { fetches: 0 };
    const runtime = createRuntime({
      loadUi: async () => fakeUi(),
      loadLanguage: async () => null,
      parts: () => registered || (calls.fetches++, fetchParts().then((parts) => (registered = parts))),
    });
    return { runtime, api: runtime.api, calls, settings: makeSettings() };
  }

  it('a choice waits for the parts, then lands once; later choices are synchronous', async () => {
    let arrive!: (parts: ChoiceParts) => void;
    const { runtime, api, calls, settings } = lazyStart(() => new Promise((resolve) => (arrive = resolve)));
    runtime.configure(settings);
    const consents: boolean[] = [];
    api.on('consent', (state) => consents.push(!!state.categories.analytics));
    api.acceptAll();
    expect(api.get().status).toBe('pending');
    expect(cookieValue()).toBeNull();
    arrive(choiceParts);
    await vi.waitFor(() => expect(api.get().status).toBe('decided'));
    expect(cookieValue()!.categories.analytics).toBe(true);
    api.rejectAll();
    expect(api.get().categories.analytics).toBe(false);
    expect(consents).toEqual([true, false]);
    expect(calls.fetches).toBe(1);
  });

  it('showing before the parts came prefetches the UI chunk and the visitor’s pack beside them; with the parts at hand it does not', async () => {
    let arrive!: (parts: ChoiceParts) => void;
    const prefetched: string[] = [];
    const runtime = createRuntime({
      loadUi: async () => fakeUi(),
      loadLanguage: async () => null,
      prefetchUi: (_settings, lang) => prefetched.push(lang),
      parts: () => new Promise((resolve) => (arrive = resolve)),
    });
    runtime.configure(makeSettings({ language: 'de', revision: 0 }));
    const showing = runtime.api.showPreferences();
    expect(prefetched).toEqual(['de', 'de']);
    arrive(choiceParts);
    await showing;
    void runtime.api.showPreferences();
    expect(prefetched).toEqual(['de', 'de']);
  });

  it('parts that fail to load: an error event, nothing stored, the next choice tries again', async () => {
    let fail = true;
    const { runtime, api, calls, settings } = lazyStart(() => (fail ? Promise.reject(new Error('offline')) : Promise.resolve(choiceParts)));
    const errors: string[] = [];
    api.on('error', ({ error }) => errors.push(error.message));
    runtime.configure(settings);
    api.acceptAll();
    // Reported to both that waited on the one failed fetch: the banner configure asked for, and the choice.
    await vi.waitFor(() => expect(errors).toEqual(['offline', 'offline']));
    expect(api.get().status).toBe('pending');
    expect(cookieValue()).toBeNull();
    fail = false;
    api.rejectAll();
    await vi.waitFor(() => expect(api.get().status).toBe('decided'));
    expect(cookieValue()!.method).toBe('reject-all');
    expect(calls.fetches).toBe(2);
  });
});

describe('language packs', () => {
  it('the visitor’s pack is fetched beside the UI chunk, once, even when the UI asks for it too; a failed one is asked again', async () => {
    const asked: string[] = [];
    let fail = true;
    const ui: UiModule = {
      show: vi.fn(async (ctx) => void (await ctx.loadLanguage('de'))),
      hide: vi.fn(),
      unmount: vi.fn(),
    };
    const runtime = createRuntime({
      loadUi: async () => ui,
      // A pack takes a while to arrive, as over the network: the UI asks while it is on its way.
      loadLanguage: (lang) => {
        asked.push(lang);
        return new Promise((resolve) => setTimeout(() => resolve(fail ? null : { bannerTitle: 'Cookies' }), 30));
      },
      parts: () => choiceParts,
    });
    runtime.configure(makeSettings({ language: 'de' }));
    await vi.waitFor(() => expect(ui.show).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 60));
    // Failed: the early fetch and the UI's ask shared one request, and it is forgotten.
    expect(asked).toEqual(['de']);
    fail = false;
    await runtime.api.showPreferences();
    await vi.waitFor(() => expect(ui.show).toHaveBeenCalledTimes(2));
    await runtime.api.showBanner();
    await vi.waitFor(() => expect(ui.show).toHaveBeenCalledTimes(3));
    expect(asked).toEqual(['de', 'de']);
  });
});
