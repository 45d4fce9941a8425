/**
 * Script-tag build of the IAB parts (dist/consentry-gpp.min.js): the TCF and GPP stubs and the GPP full part,
 * registered on a global the loader reads after onload. The loader fetches this file before it applies a
 * config that turns TCF or GPP on, so the stubs still answer before any released tag can call them.
 */
import { iabStubs, type IabParts } from '../iab-parts';
import { installGpp } from './index';

const parts: IabParts = { ...iabStubs, loadGpp: async () => installGpp };
(globalThis as { __consentryIab?: IabParts }).__consentryIab = parts;
