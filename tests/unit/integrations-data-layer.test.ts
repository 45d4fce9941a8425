import { atom } from 'nanostores';
import { describe, expect, it } from 'vitest';
import type { ConsentState } from '../../src/core/policy/types';
import { installDataLayer } from '../../src/loader/effects/integrations/data-layer';
import type { PageWindow } from '../../src/loader/effects/integrations/contract';
import { settingsWith, stateWith } from '../e2e/integrations/fixtures';

describe('tag-manager events', () => {
  it('pushes consentry_ready with the category states, then consentry_update only when a grant changes', () => {
    const $state = atom<ConsentState>(stateWith());
    const win = { dataLayer: [{ event: 'gtm.js' }] } as unknown as PageWindow;
    installDataLayer({ $state, settings: settingsWith({}), window: win });
    $state.set(stateWith({ record: true, categories: { analytics: true } }));
    $state.set({ ...$state.get(), needsBanner: false }); // same grants: nothing to tell
    $state.set(stateWith({ record: true, categories: { analytics: true, advertising: true } }));
    expect(win.dataLayer).toEqual([
      { event: 'gtm.js' },
      { event: 'consentry_ready', consentry: { essential: true, analytics: false, advertising: false } },
      { event: 'consentry_update', consentry: { essential: true, analytics: true, advertising: false } },
      { event: 'consentry_update', consentry: { essential: true, analytics: true, advertising: true } },
    ]);
  });

  it('writes to the configured data layer and stops on uninstall', () => {
    const $state = atom<ConsentState>(stateWith());
    const win = {} as unknown as PageWindow;
    const uninstall = installDataLayer({ $state, settings: settingsWith({ dataLayer: { name: 'tagLayer' } }), window: win });
    uninstall();
    $state.set(stateWith({ record: true, categories: { analytics: true } }));
    expect(win.tagLayer).toHaveLength(1);
    expect(win.dataLayer).toBeUndefined();
  });

  it('hands out copies: a tag editing its event cannot change the next comparison', () => {
    const $state = atom<ConsentState>(stateWith());
    const win = {} as unknown as PageWindow;
    installDataLayer({ $state, settings: settingsWith({}), window: win });
    (win.dataLayer as Array<{ consentry: { [id: string]: boolean } }>)[0].consentry.analytics = true;
    expect($state.get().categories.analytics).toBe(false);
  });
});
