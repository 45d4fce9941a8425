import { pageWindow, type IntegrationDeps, type Uninstall } from './contract';

/**
 * Tag-manager events: `{ event: 'consentry_ready', consentry: { analytics: true, … } }` once the loader is ready,
 * `consentry_update` whenever a category's grant changes, so triggers can key on them.
 */
export function installDataLayer(deps: IntegrationDeps): Uninstall {
  const { $state, settings } = deps;
  const win = pageWindow(deps);
  const name = settings.integrations.dataLayer?.name || 'dataLayer';
  let last = '';
  const push = (event: string, categories: { [id: string]: boolean }) => {
    const key = JSON.stringify(categories);
    if (key != last) (win[name] ||= []).push({ event, consentry: JSON.parse(key) });
    last = key;
  };
  push('consentry_ready', $state.get().categories);
  return $state.listen((state) => push('consentry_update', state.categories));
}
