import { createConsent } from 'consentry';
import config from './consentry.json';

/** The app's one consent instance: created before Vue mounts, so it decides before any tag the app adds. */
export const consent = createConsent(config);
