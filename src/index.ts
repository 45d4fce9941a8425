export { createConsent } from './npm/create-consent';
export { useConsent } from './npm/hooks/use-consent';
export { subscribe } from './npm/hooks/subscribe';
export { validateConfig } from './core/config/validate';
export { defineConfig, type ConsentryConfigJson } from './core/config/define-config';
export { ConfigError, type ConfigProblem } from './core/config/errors';
export type { WarningListener } from './core/config/validate';
export { tcfSource, type TcfSource } from './iab/tcf-source';
export { decodeRecord, encodeRecord } from './core/policy/record';
export type * from './core/config/types';
export type * from './core/policy/types';
export type { Consent, Unsubscribe, UiView } from './core/policy/api';
// The script-tag build's `window.Consentry`: exporting its type also publishes the `Window` declaration.
export type { ConsentryGlobal } from './loader/auto';
