import { atom } from 'nanostores';
import { describe, expect, it } from 'vitest';
import type { ConsentState } from '../../src/core/policy/types';
import type { PageWindow } from '../../src/loader/effects/integrations/contract';
import { installMetaPixel } from '../../src/loader/effects/integrations/meta-pixel';
import { installMicrosoftUet } from '../../src/loader/effects/integrations/microsoft-uet';
import { settingsWith, stateWith } from '../e2e/integrations/fixtures';

const granted = () => stateWith({ record: true, categories: { advertising: true } });
const refused = () => stateWith({ record: true, categories: { advertising: false } });

/**
 * Behaves as Meta's documented base code does: unless `fbq` exists it assigns a queueing `window.fbq`, then sets
 * `push`, `loaded`, `version` and finally `queue = []` on it (calls are queued on `queue` until fbevents.js
 * loads), then the page calls init and track.
 */
function runMetaBaseCode(win: PageWindow) {
  if (!win.fbq) {
    const fbq: any = (win.fbq = (...args: unknown[]) => {
      fbq.queue.push(args);
    });
    fbq.push = fbq;
    fbq.loaded = true;
    fbq.version = '2.0';
    fbq.queue = [];
  }
  win.fbq('init', '123');
  win.fbq('track', 'PageView');
}

describe('Meta Pixel', () => {
  it('revokes before init when the base code runs after consentry, then grants on consent', () => {
    const $state = atom<ConsentState>(stateWith());
    const win = {} as unknown as PageWindow;
    installMetaPixel({ $state, settings: settingsWith({ metaPixel: true }), window: win });
    expect(win.fbq).toBeUndefined(); // the base code must still find no fbq, or it would not load fbevents.js
    runMetaBaseCode(win);
    $state.set(granted());
    expect(win.fbq.queue).toEqual([
      ['consent', 'revoke'],
      ['init', '123'],
      ['track', 'PageView'],
      ['consent', 'grant'],
    ]);
  });

  it('grants at once from a stored record when fbq already exists, and revokes on withdrawal', () => {
    const calls: unknown[][] = [];
    const win = { fbq: (...args: unknown[]) => calls.push(args) } as unknown as PageWindow;
    const $state = atom<ConsentState>(granted());
    installMetaPixel({ $state, settings: settingsWith({ metaPixel: true }), window: win });
    $state.set({ ...granted(), needsBanner: false }); // no change of grant: no call
    $state.set(refused());
    expect(calls).toEqual([
      ['consent', 'grant'],
      ['consent', 'revoke'],
    ]);
  });

  it('uninstall removes the wait for fbq', () => {
    const win = {} as unknown as PageWindow;
    const uninstall = installMetaPixel({ $state: atom(stateWith()), settings: settingsWith({}), window: win });
    uninstall();
    expect(Object.getOwnPropertyDescriptor(win, 'fbq')).toBeUndefined();
  });
});

describe('Microsoft UET', () => {
  it('pushes the denied default into the queue the UET tag adopts, then updates on change only', () => {
    const $state = atom<ConsentState>(stateWith());
    const win = {} as unknown as PageWindow;
    installMicrosoftUet({ $state, settings: settingsWith({ microsoftUet: true }), window: win });
    $state.set(granted());
    $state.set({ ...granted(), needsBanner: false });
    $state.set(refused());
    expect(win.uetq).toEqual([
      'consent',
      'default',
      { ad_storage: 'denied' },
      'consent',
      'update',
      { ad_storage: 'granted' },
      'consent',
      'update',
      { ad_storage: 'denied' },
    ]);
  });

  it('a stored grant is sent right after the default', () => {
    const win = { uetq: ['pageLoad'] } as unknown as PageWindow;
    installMicrosoftUet({ $state: atom(granted()), settings: settingsWith({}), window: win });
    expect(win.uetq).toEqual(['pageLoad', 'consent', 'default', { ad_storage: 'denied' }, 'consent', 'update', { ad_storage: 'granted' }]);
  });
});
