import { installGppStub } from './gpp/stub';
import type { IntegrationDeps, Uninstall } from '../loader/effects/integrations/contract';
import { installTcf } from './tcf';

export type GppInstaller = (deps: IntegrationDeps) => Uninstall;

/**
 * The IAB frameworks' parts (TCF stub, GPP stub and full part). Only sites that turn them on need them,
 * so the script-tag build carries them in their own file (dist/consentry-gpp.min.js), loaded before such a
 * config is applied; the npm build imports the stubs and splits off the full GPP part.
 */
export interface IabParts {
  installTcf: typeof installTcf;
  installGppStub: typeof installGppStub;
  loadGpp(): Promise<GppInstaller>;
}

export const iabStubs = { installTcf, installGppStub };

/** Whether a config needs the IAB parts before it is applied. */
export const needsIab = (integrations: { tcf?: { cmpId?: number }; gpp?: { enabled?: boolean } }) =>
  !!(integrations.tcf?.cmpId || integrations.gpp?.enabled);
