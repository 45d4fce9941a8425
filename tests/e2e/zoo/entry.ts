/**
 * The zoo's SDK: the blocking effects composed the way the loader composes them, on nanostores atoms,
 * with a stand-in for the consent record (cookie "consentry" = granted categories joined by ".", or "-"
 * for "rejected all"). Bundled by esbuild into /sdk.js, which the zoo page loads first in <head>.
 * `window.__zoo` lets a test choose, configure late, and read what happened.
 */
import { atom } from 'nanostores';
import type { Settings } from '../../../src/core/config/types';
import type { ConsentEventName, ConsentEvents, ConsentState } from '../../../src/core/policy/types';
import { installAutoBlocker } from '../../../src/loader/effects/auto-blocker';
import { installCookieGuard } from '../../../src/loader/effects/cookie-guard';
import { installGate } from '../../../src/loader/effects/gate';
import { loadOnce } from '../../../src/loader/effects/load-once';
import { showPlaceholder } from '../../../src/parts/placeholder';
import type { BlockingDeps, ResolvedNeed } from '../../../src/loader/effects/types';
import { installWithdrawalCleanup } from '../../../src/loader/effects/withdrawal-cleanup';
import { cleanUp } from '../../../src/parts/clean-up';
import { createConfigPhase } from '../../../src/loader/config-phase';

declare global {
  interface Window {
    __zooSettings: Settings;
    __zoo: {
      choose(categories: string[] | null): void;
      configure(): void;
      events: Array<[ConsentEventName, unknown]>;
      held: Array<{ tag: string; id: string; need: ResolvedNeed }>;
      reloads: number;
      uninstall(): void;
    };
    __order: string[];
  }
}

window.__order = window.__order || [];
const settings = window.__zooSettings;
const CATEGORIES = ['analytics', 'advertising'];

function stateOf(choice: string | null): ConsentState {
  const granted = choice ? choice.split('.') : [];
  const categories: { [id: string]: boolean } = { essential: true };
  for (const id of CATEGORIES) categories[id] = granted.includes(id);
  return {
    status: choice == null ? 'pending' : 'decided',
    categories,
    services: {},
    record: null,
    regime: 'opt-in',
    region: null,
    gpc: false,
    needsBanner: choice == null,
  };
}

const readChoice = () => {
  const match = document.cookie.match(/(?:^|; )consentry=([^;]*)/);
  return match ? (match[1] == '-' ? '' : match[1]) : null;
};

const late = /[?&]late\b/.test(location.search);
const $settings = atom<Settings | null>(late ? null : settings);
const $state = atom<ConsentState>(late ? stateOf(null) : stateOf(readChoice()));
const events: Array<[ConsentEventName, unknown]> = [];
const held: Window['__zoo']['held'] = [];

const deps: BlockingDeps = {
  $state,
  $settings,
  $configPhase: createConfigPhase(),
  emit: <K extends ConsentEventName>(event: K, detail: ConsentEvents[K]) => void events.push([event, detail]),
  onHeldEmbed(el, need) {
    held.push({ tag: el.tagName, id: el.id, need });
    if (el.tagName == 'IFRAME') {
      showPlaceholder(el, need, {
        texts: {
          placeholderText: 'This content from {service} is blocked until you allow {category} cookies.',
          loadOnce: 'Load once',
          alwaysAllow: 'Always allow',
        },
        onAlwaysAllow: () => window.__zoo.choose([...CATEGORIES.filter((id) => $state.get().categories[id]), need.category]),
        onLoadOnce: () => loadOnce(el),
      });
    }
  },
};

// `?noreload`: count reloads instead, so a test can read the page right after a withdrawal.
const reload = /[?&]noreload\b/.test(location.search) ? { reload: () => void window.__zoo.reloads++ } : {};
// The loader's order: blocking first, before anything else on the page can run.
const uninstalls = [
  installAutoBlocker(deps),
  installGate(deps),
  installCookieGuard(deps),
  installWithdrawalCleanup(deps, { cleanUp, ...reload }),
];

window.__zoo = {
  choose(categories) {
    const value = categories == null ? null : categories.join('.') || '-';
    document.cookie = value == null ? 'consentry=; max-age=0; path=/' : `consentry=${value}; path=/`;
    $state.set(stateOf(value == null ? null : value == '-' ? '' : value));
  },
  configure() {
    // As the loader does: settings first, then the decision made from them.
    $settings.set(settings);
    $state.set(stateOf(readChoice()));
  },
  events,
  held,
  reloads: 0,
  uninstall: () => uninstalls.forEach((uninstall) => uninstall()),
};
