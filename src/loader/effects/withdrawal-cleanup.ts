import type { Settings } from '../../core/config/types';
import type { BlockingDeps, Uninstall } from './types';
import { withdrawalBetween, type Withdrawal } from '../../core/policy/withdrawal';

export interface WithdrawalCleanupOptions {
  /**
   * Does the deleting: `cleanUp` from ./clean-up, or one that loads it lazily (it is only needed once a
   * visitor withdraws, so the loader does not carry it); the reload waits for the promise.
   */
  cleanUp: (withdrawal: Withdrawal, settings: Settings) => void | Promise<void>;
  /** Called after a withdrawal when `blocking.reloadOnWithdraw` is on. Default: `location.reload()`. */
  reload?: () => void;
}

/**
 * When a category (or a service) goes from granted to refused: delete its cookies and declared storage,
 * emit "withdraw" and, with `reloadOnWithdraw`, reload (after the other subscribers ran), since scripts
 * already running cannot be un-run.
 */
export function installWithdrawalCleanup(deps: BlockingDeps, options: WithdrawalCleanupOptions): Uninstall {
  const { $settings, emit } = deps;
  return deps.$state.listen(async (state, before) => {
    const settings = $settings.get();
    const withdrawal = settings && before && withdrawalBetween(before, state, settings);
    if (withdrawal) {
      await options.cleanUp(withdrawal, settings);
      emit('withdraw', { categories: withdrawal.categories });
      if (settings.blocking.reloadOnWithdraw) (options.reload || (() => location.reload()))();
    }
  });
}
