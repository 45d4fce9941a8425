/** The lazily loaded GPP full part, as the script-tag build would fetch it after the stub. */
import { installGpp } from '../../../src/iab/gpp/index';
import type { PageWindow } from '../../../src/loader/effects/integrations/contract';

const win = window as PageWindow;
installGpp(win.__consentryTest);
win.__gppFullLoaded = true;
