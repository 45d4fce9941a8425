import type { CrossBorderConfig, SeparateConsentSettings, Settings } from './types';

/** The consent cookie's name unless the config names another; the loader reads it before a config is valid. */
export const DEFAULT_COOKIE_NAME = 'consentry';

/** The Trusted Types policy marked tags go through unless the config names another; the loader needs it first. */
export const DEFAULT_TRUSTED_TYPES_POLICY = 'consentry';

/** What a config that says nothing gets. Categories and services are filled in by `validateConfig`. */
export const DEFAULTS: Omit<Settings, 'categories' | 'services' | 'separateConsents'> = {
  revision: 0,
  language: 'auto',
  cookie: { name: DEFAULT_COOKIE_NAME, domain: '', path: '/', sameSite: 'Lax', expiresDays: 182 },
  texts: {},
  ui: {
    layout: 'bar-bottom',
    theme: 'auto',
    floatingButton: true,
    closeButton: false,
    privacyPolicyUrl: '',
    nonce: '',
    assetsUrl: '',
    trustedAssetOrigins: [],
  },
  regions: { default: 'opt-in', rules: [], source: '' },
  signals: { gpc: true, dnt: false },
  optOut: { sale: ['advertising'], sensitive: [] },
  minors: { ask: false, thresholds: { CN: 14, US: 13, default: 16 } },
  crossBorder: null,
  blocking: {
    autoBlock: true,
    rules: [],
    thirdParty: 'known',
    unknownCategory: 'advertising',
    unknownCookies: 'allow',
    reloadOnWithdraw: true,
    aliases: true,
    categoryAliases: {},
    trustedTypesPolicy: DEFAULT_TRUSTED_TYPES_POLICY,
  },
  receipts: null,
  integrations: {},
};

/** Service fields a config may leave out. */
export const SERVICE_DEFAULTS = {
  name: '',
  provider: '',
  purpose: '',
  privacyPolicyUrl: '',
  cookies: [],
  storage: [],
  hosts: [],
  separateConsents: [],
};

/** Where a separate consent is asked unless it says: China, and visitors whose region is unknown (asking is the safe side). */
export const SEPARATE_CONSENT_REGIONS = ['CN', 'default'];

/** The separate consent the legacy `crossBorder` declares. */
export const CROSS_BORDER_ID = 'cross-border';

/** The legacy `crossBorder` as the separate consent it is: a transfer, without the texts it could not give. */
export const crossBorderConsent = ({ contact = '', ...transfer }: CrossBorderConfig): SeparateConsentSettings => ({
  id: CROSS_BORDER_ID,
  kind: 'transfer',
  contact,
  processingMethod: '',
  rights: '',
  regions: SEPARATE_CONSENT_REGIONS,
  ...transfer,
});
