import { pageWindow, type IntegrationDeps, type Uninstall } from './contract';

/**
 * Microsoft UET consent mode from the advertising category: `uetq.push('consent', 'default',
 * { ad_storage: 'denied' })` at once (the queue array is what the UET tag adopts when it loads), then
 * `'update'` whenever the grant differs from what UET was last told.
 */
export function installMicrosoftUet(deps: IntegrationDeps): Uninstall {
  const { $state } = deps;
  const win = pageWindow(deps);
  const push = (command: string, adStorage: string) => (win.uetq ||= []).push('consent', command, { ad_storage: adStorage });
  let sent = 'denied';
  push('default', sent);
  const update = () => {
    const adStorage = $state.get().categories.advertising ? 'granted' : 'denied';
    if (adStorage !== sent) push('update', (sent = adStorage));
  };
  update();
  return $state.listen(update);
}
