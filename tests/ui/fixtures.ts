import { atom, type WritableAtom } from 'nanostores';
import { vi } from 'vitest';
import { validateConfig } from '../../src/core/config/validate';
import type { ConsentryConfig, Settings, Texts } from '../../src/core/config/types';
import type { UiView } from '../../src/core/policy/api';
import type { Choices, ConsentMethod, ConsentRecord, ConsentState } from '../../src/core/policy/types';
import { loadLanguagePack } from '../../src/npm/lazy-esm';
import type { UiContext } from '../../src/ui/contract';
import { createUi, type UiController } from '../../src/ui/create-ui';

/** Two services with cookies, as a site would declare them. */
export const SERVICES: NonNullable<ConsentryConfig['services']> = [
  {
    id: 'ga',
    category: 'analytics',
    name: 'Google Analytics',
    provider: 'Google LLC',
    purpose: 'Counts visits and page views',
    privacyPolicyUrl: 'https://policies.google.com/privacy',
    cookies: [
      { name: '_ga', duration: '2 years', purpose: 'Distinguishes visitors' },
      { name: '_ga_', prefix: true, duration: '2 years' },
    ],
  },
  {
    id: 'ads',
    category: 'advertising',
    name: 'Ad network',
    provider: 'Ads Inc.',
    cookies: [{ name: 'IDE', duration: '13 months', purpose: 'Personalised ads' }],
  },
];

/** Settings through the real validator, so tests see exactly what the loader would pass. */
export function settingsOf(config: ConsentryConfig = {}): Settings {
  return validateConfig({ services: SERVICES, ...config });
}

export function recordOf(categories: { [id: string]: boolean }, extra: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    id: 'c0ffee-1234',
    time: Date.UTC(2025, 2, 14, 9, 30),
    revision: 0,
    categories,
    services: {},
    method: 'custom',
    expires: Date.UTC(2025, 8, 14),
    ...extra,
  };
}

/** A state as decide() would produce it: pending and nothing optional granted unless told otherwise. */
export function stateOf(settings: Settings, overrides: Partial<ConsentState> = {}): ConsentState {
  const categories: { [id: string]: boolean } = {};
  for (const { id, required } of settings.categories) categories[id] = required || !!overrides.record?.categories[id];
  return {
    status: overrides.record ? 'decided' : 'pending',
    categories,
    services: {},
    record: null,
    regime: 'opt-in',
    region: null,
    gpc: false,
    needsBanner: !overrides.record,
    ...overrides,
  };
}

export interface FakeContext extends UiContext {
  $state: WritableAtom<ConsentState>;
  acceptAll: ReturnType<typeof vi.fn<() => void>>;
  rejectAll: ReturnType<typeof vi.fn<() => void>>;
  close: ReturnType<typeof vi.fn<() => void>>;
  set: ReturnType<typeof vi.fn<(choices: Choices) => void>>;
  optOut: ReturnType<typeof vi.fn<UiContext['optOut']>>;
  emit: ReturnType<typeof vi.fn<UiContext['emit']>>;
  loadLanguage: ReturnType<typeof vi.fn<(lang: string) => Promise<Partial<Texts> | null>>>;
}

export interface ContextOptions {
  config?: ConsentryConfig;
  state?: Partial<ConsentState>;
  language?: string;
  /** The packs loadLanguage finds; without it, the real ones, imported as the npm build does. */
  packs?: { [lang: string]: Partial<Texts> };
}

/**
 * A context whose actions behave like the runtime's: each records a decision in `$state`, which is
 * what closes the UI in production too.
 */
export function fakeContext(options: ContextOptions = {}): FakeContext {
  const settings = settingsOf(options.config);
  const $state = atom(stateOf(settings, options.state));
  const commit = (choices: Choices, method: ConsentMethod) => {
    const record = recordOf(choices.categories || {}, { method, id: 'new-record', time: Date.now() });
    $state.set(stateOf(settings, { ...$state.get(), status: 'decided', needsBanner: false, record }));
  };
  const all = (granted: boolean) => Object.fromEntries(settings.categories.filter((c) => !c.required).map((c) => [c.id, granted]));
  return {
    settings,
    $state,
    language: options.language || 'en',
    acceptAll: vi.fn(() => commit({ categories: all(true) }, 'accept-all')),
    rejectAll: vi.fn(() => commit({ categories: all(false) }, 'reject-all')),
    close: vi.fn(() => commit({ categories: all(false) }, 'close')),
    set: vi.fn((choices: Choices) => commit(choices, 'custom')),
    optOut: vi.fn((kind: 'do-not-sell' | 'limit-sensitive') =>
      commit(
        { categories: { ...$state.get().categories, advertising: kind == 'do-not-sell' ? false : $state.get().categories.advertising } },
        kind,
      ),
    ),
    emit: vi.fn(),
    loadLanguage: vi.fn(async (lang: string) => (options.packs ? (options.packs[lang] ?? null) : loadLanguagePack(lang))),
  };
}

export interface Shown {
  ui: UiController;
  ctx: FakeContext;
  root: ShadowRoot;
  host: HTMLElement;
}

/** Shows a view with a fresh UI instance; tests query inside the returned shadow root. */
export async function showUi(view: UiView, options: ContextOptions = {}): Promise<Shown> {
  const ui = createUi();
  const ctx = fakeContext(options);
  await ui.show(ctx, view);
  const host = document.querySelector('consentry-ui') as HTMLElement;
  return { ui, ctx, root: host.shadowRoot!, host };
}
