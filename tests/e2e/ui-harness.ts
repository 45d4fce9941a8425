/**
 * Browser entry for the UI e2e tests: the real UI chunk with a stand-in runtime that records decisions
 * in a nanostores atom, as the loader does. Bundled by ui-page.ts with esbuild.
 */
import { atom } from 'nanostores';
import type { ConsentryConfig, Texts } from '../../src/core/config/types';
import { validateConfig } from '../../src/core/config/validate';
import type { UiView } from '../../src/core/policy/api';
import type { Choices, ConsentMethod, ConsentState } from '../../src/core/policy/types';
import type { UiContext } from '../../src/ui/contract';
import { createUi } from '../../src/ui/create-ui';
import ar from '../../src/core/texts/packs/ar';
import de from '../../src/core/texts/packs/de';
import es from '../../src/core/texts/packs/es';
import fr from '../../src/core/texts/packs/fr';
import it from '../../src/core/texts/packs/it';
import ja from '../../src/core/texts/packs/ja';
import nl from '../../src/core/texts/packs/nl';
import pl from '../../src/core/texts/packs/pl';
import pt from '../../src/core/texts/packs/pt';
import zh from '../../src/core/texts/packs/zh';

const PACKS: { [lang: string]: Partial<Texts> } = { ar, de, es, fr, it, ja, nl, pl, pt, zh };

export interface HarnessOptions {
  config?: ConsentryConfig;
  state?: Partial<ConsentState>;
  language?: string;
  view?: UiView;
}

const ui = createUi();
const decisions: Array<{ method: ConsentMethod; choices: Choices }> = [];
const events: Array<[string, unknown]> = [];

function start(options: HarnessOptions = {}) {
  const settings = validateConfig(options.config || {});
  const optional = settings.categories.filter((category) => !category.required).map((category) => category.id);
  const categories: { [id: string]: boolean } = { essential: true };
  for (const id of optional) categories[id] = !!options.state?.record?.categories[id];
  const $state = atom<ConsentState>({
    status: options.state?.record ? 'decided' : 'pending',
    categories,
    services: {},
    record: null,
    regime: 'opt-in',
    region: null,
    gpc: false,
    needsBanner: !options.state?.record,
    ...options.state,
  });
  const commit = (choices: Choices, method: ConsentMethod) => {
    decisions.push({ method, choices });
    const now = Date.now();
    const granted = { essential: true, ...choices.categories };
    const record = {
      id: 'e2e-' + decisions.length,
      time: now,
      revision: 0,
      categories: granted,
      services: {},
      method,
      expires: now + 1e10,
    };
    $state.set({ ...$state.get(), status: 'decided', needsBanner: false, categories: granted, record });
  };
  const all = (granted: boolean) => ({ categories: Object.fromEntries(optional.map((id) => [id, granted])) });
  const ctx: UiContext = {
    settings,
    $state,
    language: options.language || 'en',
    acceptAll: () => commit(all(true), 'accept-all'),
    rejectAll: () => commit(all(false), 'reject-all'),
    close: () => commit(all(false), 'close'),
    set: (choices) => commit(choices, 'custom'),
    optOut: (kind) => commit({ categories: { ...$state.get().categories, advertising: false } }, kind),
    emit: (event, detail) => void events.push([event, detail]),
    loadLanguage: async (lang) => PACKS[lang] || null,
  };
  return ui.show(ctx, options.view || 'banner');
}

const harness = { start, hide: ui.hide, unmount: ui.unmount, decisions, events };
(window as unknown as { uiHarness: typeof harness }).uiHarness = harness;
