/** Settings and states for the integrations' tests, built by hand so these tests do not depend on the validator. */
import type { IntegrationsConfig, Regime, Settings } from '../../../src/core/config/types';
import type { ConsentRecord, ConsentState } from '../../../src/core/policy/types';

export function settingsWith(integrations: IntegrationsConfig, categories: string[] = ['essential', 'analytics', 'advertising']): Settings {
  return {
    revision: 1,
    language: 'en',
    categories: categories.map((id) => ({ id, title: id, description: '', required: id === 'essential' })),
    services: [],
    cookie: { name: 'consentry', domain: '', path: '/', sameSite: 'Lax', expiresDays: 182 },
    texts: {},
    ui: {
      layout: 'bar-bottom',
      theme: 'light',
      floatingButton: true,
      closeButton: false,
      privacyPolicyUrl: '',
      nonce: '',
      assetsUrl: '',
    },
    regions: { default: 'opt-in', rules: [], source: '' },
    signals: { gpc: true, dnt: false },
    minors: { ask: false, thresholds: {} },
    crossBorder: null,
    blocking: {
      autoBlock: true,
      rules: [],
      unknownCookies: 'allow',
      reloadOnWithdraw: true,
      aliases: true,
      categoryAliases: {},
      trustedTypesPolicy: 'consentry',
    },
    receipts: null,
    integrations,
  };
}

export function recordOf(categories: { [id: string]: boolean }): ConsentRecord {
  return {
    id: 'r1',
    time: 1,
    revision: 1,
    categories,
    services: {},
    method: 'custom',
    expires: Date.now() + 86_400_000,
  };
}

/** A state as the policy would produce it: a record decides, otherwise the regime's default applies. */
export function stateWith(
  options: { categories?: { [id: string]: boolean }; record?: boolean; gpc?: boolean; regime?: Regime; region?: string | null } = {},
): ConsentState {
  const regime = options.regime || 'opt-in';
  const byDefault = !options.record && regime !== 'opt-in';
  const categories = { essential: true, analytics: byDefault, advertising: byDefault, ...options.categories };
  // GPC objects to advertising at once where the regime is opt-out.
  if (regime === 'opt-out' && options.gpc && !options.categories) categories.advertising = false;
  return {
    status: options.record ? 'decided' : 'pending',
    categories,
    services: {},
    record: options.record ? recordOf(categories) : null,
    regime,
    region: options.region === undefined ? null : options.region,
    gpc: !!options.gpc,
    needsBanner: !options.record,
  };
}

/**
 * Enough of a window for the CMP stubs in Node: message events, and a document without <body> yet (the
 * loader runs in <head>), so no locator frame is made. Frames are tested in Chromium.
 */
export function headOnlyWindow() {
  const documentEvents = new EventTarget();
  return Object.assign(new EventTarget(), {
    frames: {},
    document: {
      body: null,
      addEventListener: documentEvents.addEventListener.bind(documentEvents),
      removeEventListener: documentEvents.removeEventListener.bind(documentEvents),
    },
  }) as unknown as import('../../../src/loader/effects/integrations/contract').PageWindow;
}
