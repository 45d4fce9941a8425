import { createConsent, defineConfig } from 'consentry';
import config from './consentry.json';

/** The app's one consent instance: created before Vue mounts, so it decides before any tag the app adds. */
// defineConfig: a JSON import types "layout": "box" as a plain string; the validator checks such values.
export const consent = createConsent(defineConfig(config));
