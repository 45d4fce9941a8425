import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { ClassifyingSettings } from '../core/classify/need';

/**
 * Where the page's config is on its way to `$settings`, beside it in the runtime: `coming` while it is
 * fetched, validated or waits for the IAB file; `provisional`, the rules read leniently from it meanwhile
 * (boot-hints.ts), null when even those are unknown. Nothing is granted from them: the auto-blocker only
 * decides which unmarked tags wait. The boot (auto.ts) writes it; effects subscribe.
 */
export interface ConfigPhase {
  coming: boolean;
  provisional: ClassifyingSettings | null;
}

export const createConfigPhase = (): WritableAtom<ConfigPhase> => atom<ConfigPhase>({ coming: false, provisional: null });

/** Resolves once no config is on its way any more: applied, or failed. */
export const whenSettled = ($phase: ReadableAtom<ConfigPhase>): Promise<void> =>
  new Promise((resolve) => {
    if (!$phase.get().coming) return resolve();
    const stop = $phase.listen(({ coming }) => {
      if (!coming) {
        stop();
        resolve();
      }
    });
  });
