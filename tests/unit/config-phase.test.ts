import { describe, expect, it } from 'vitest';
import { createConfigPhase, whenSettled } from '../../src/loader/config-phase';

describe('the config phase', () => {
  it('starts with no config coming and no provisional rules', () => {
    expect(createConfigPhase().get()).toEqual({ coming: false, provisional: null });
  });

  it('settles at once when nothing is coming, and only when the coming config applied or failed otherwise', async () => {
    const $phase = createConfigPhase();
    await whenSettled($phase);
    $phase.set({ coming: true, provisional: null });
    let settled = false;
    const waiting = whenSettled($phase).then(() => (settled = true));
    $phase.set({ coming: true, provisional: { blocking: { autoBlock: true, rules: [] }, services: [] } });
    await Promise.resolve();
    expect(settled).toBe(false);
    $phase.set({ coming: false, provisional: null });
    await waiting;
    expect(settled).toBe(true);
  });
});
