/**
 * Script-tag build of the GPP full part (e.g. dist/consentry-gpp.min.js): registers itself on a global the
 * loader reads after onload, like the UI chunk does. The loader has already installed the stub.
 */
import { installGpp } from './index';

(globalThis as { __consentryGpp?: typeof installGpp }).__consentryGpp = installGpp;
