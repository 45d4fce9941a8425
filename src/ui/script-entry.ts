/** Script-tag build of the UI chunk: registers itself for the loader, which reads it after onload. */
import * as ui from './index';

(globalThis as { __consentryUi?: unknown }).__consentryUi = { show: ui.show, hide: ui.hide, unmount: ui.unmount };
