export { createConsent } from './create-consent';
export { useConsent } from './hooks/use-consent';
export { subscribe } from './hooks/subscribe';
export { validateConfig } from './config/validate';
export { defineConfig, type ConsentryConfigJson } from './config/define-config';
export { ConfigError, type ConfigProblem } from './config/errors';
export type { WarningListener } from './config/validate';
export { tcfSource, type TcfSource } from './integrations/tcf-source';
export { decodeRecord, encodeRecord } from './consent/record';
export type * from './config/types';
export type * from './consent/types';
export type { Consent, Unsubscribe, UiView } from './consent/api';
// The script-tag build's `window.Consentry`: exporting its type also publishes the `Window` declaration.
export type { ConsentryGlobal } from './auto';
