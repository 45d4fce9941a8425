export { createConsent } from './create-consent';
export { validateConfig } from './config/validate';
export { ConfigError } from './config/errors';
export { decodeRecord, encodeRecord } from './consent/record';
export type * from './config/types';
export type * from './consent/types';
export type { Consent, Unsubscribe, UiView } from './consent/api';
