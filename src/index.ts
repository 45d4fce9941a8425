export { createConsent } from './create-consent';
export { validateConfig } from './config/validate';
export { ConfigError, type ConfigProblem } from './config/errors';
export type { WarningListener } from './config/validate';
export { tcfSource, type TcfSource } from './integrations/tcf-source';
export { decodeRecord, encodeRecord } from './consent/record';
export type * from './config/types';
export type * from './consent/types';
export type { Consent, Unsubscribe, UiView } from './consent/api';
