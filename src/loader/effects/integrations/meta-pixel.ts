import { onFirstAssignment, restoreAll, type Restore } from '../patch';
import { pageWindow, type IntegrationDeps, type Uninstall } from './contract';

type Fbq = ((...args: unknown[]) => void) & { queue?: unknown[] };

/**
 * Meta Pixel's own switch: `fbq('consent', 'revoke' | 'grant')` from the advertising category, sent on every
 * page (Meta asks for `revoke` before `fbq('init')` on each page) and whenever the grant changes.
 *
 * When `fbq` does not exist yet, consentry cannot define it: Meta's base code skips loading fbevents.js when it
 * finds an `fbq`. So it waits for the base code's own `window.fbq = …` and sends the decision right after that
 * code creates the command queue (`fbq.queue = []`), i.e. before the `fbq('init')` that follows it.
 */
export function installMetaPixel(deps: IntegrationDeps): Uninstall {
  const { $state } = deps;
  const win = pageWindow(deps);
  let sent: string | undefined;
  const send = () => {
    const decision = $state.get().categories.advertising ? 'grant' : 'revoke';
    if (typeof win.fbq === 'function' && decision !== sent) (win.fbq as Fbq)('consent', (sent = decision));
  };
  const restores: Restore[] = [];
  if (typeof win.fbq !== 'function')
    onFirstAssignment(restores, win, 'fbq', (fbq: Fbq) => {
      if (typeof fbq !== 'function' || fbq.queue) send();
      else onFirstAssignment(restores, fbq, 'queue', send);
    });
  else send();
  restores.push($state.listen(send));
  return restoreAll(restores);
}
