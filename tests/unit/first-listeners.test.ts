// @vitest-environment happy-dom
import { atom, batch } from 'nanostores';
import { describe, expect, it } from 'vitest';
import { firstListeners } from '../../src/loader/first-listeners';
import { createRuntime } from '../../src/loader/runtime';
import { choiceParts } from '../../src/parts/choice-parts';
import { makeSettings } from './fixtures/settings';

describe('firstListeners', () => {
  it('runs a listener added late before those added after it was created, until removed', () => {
    const $store = atom(0);
    const calls: string[] = [];
    const add = firstListeners($store);
    $store.listen((value) => calls.push('gate ' + value));
    const remove = add((value) => calls.push('hook ' + value));
    $store.set(1);
    expect(calls).toEqual(['hook 1', 'gate 1']);
    remove();
    $store.set(2);
    expect(calls.slice(2)).toEqual(['gate 2']);
    add((value) => calls.push('again ' + value));
    $store.set(3);
    expect(calls.slice(3)).toEqual(['again 3', 'gate 3']);
  });

  it('does not announce to a listener a change made before it was added, though a batch announces it later', () => {
    const $store = atom(0);
    const add = firstListeners($store);
    const calls: number[] = [];
    batch(() => {
      $store.set(1);
      add((value) => calls.push(value));
    });
    expect(calls).toEqual([]);
    $store.set(2);
    $store.set(1);
    expect(calls).toEqual([2, 1]);
  });

  it("is the runtime's: a configured effect's hook runs before an early effect's listener", () => {
    const calls: string[] = [];
    const runtime = createRuntime({
      loadUi: async () => ({ show() {}, hide() {}, unmount() {} }),
      loadLanguage: async () => null,
      parts: () => choiceParts,
      early: [(deps) => deps.$state.listen(() => calls.push('gate'))],
      configured: [(deps) => deps._beforeEffects(() => calls.push('consent mode'))],
    });
    runtime.configure(makeSettings());
    runtime.api.acceptAll();
    expect(calls.slice(-2)).toEqual(['consent mode', 'gate']);
  });
});
