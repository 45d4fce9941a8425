/**
 * What bench/auto-blocker.mjs measures: the auto-blocker installed exactly as the loader installs it (first
 * script in <head>, synchronously), with a fixed config and a consent state chosen by the page
 * (`window.__benchGrant`: true = every category granted, so nothing is held and only the observing costs).
 * Its own main-thread time is timed from inside: the install, every observer callback, and every call of a
 * function it patched (including the browser's own work in that call, so slightly more than its share).
 * `window.__benchSkip`: load and run this same file but install nothing (the baseline: same bytes, same request).
 */
import { atom } from 'nanostores';
import { installAutoBlocker } from '../src/loader/effects/auto-blocker';
import type { Settings } from '../src/core/config/types';
import type { ConsentState } from '../src/core/policy/types';
import { createConfigPhase } from '../src/loader/config-phase';

const timing = { installMs: 0, observerMs: 0, callbacks: 0, patchedMs: 0, patchedCalls: 0 };
(window as { __timing?: typeof timing }).__timing = timing;

const timed = <F extends (...args: any[]) => any>(fn: F, add: (ms: number) => void): F =>
  function (this: unknown, ...args: unknown[]) {
    const start = performance.now();
    try {
      return fn.apply(this, args);
    } finally {
      add(performance.now() - start);
    }
  } as F;

const granted = !!(window as { __benchGrant?: boolean }).__benchGrant;
const settings = {
  services: [],
  cookie: { name: 'consentry' },
  blocking: {
    autoBlock: true,
    rules: [{ match: 'tags.bench.test', category: 'advertising' }],
    unknownCookies: 'allow',
    reloadOnWithdraw: true,
    aliases: true,
  },
} as unknown as Settings;
const state = {
  status: granted ? 'decided' : 'pending',
  categories: { essential: true, analytics: granted, advertising: granted },
  services: {},
} as unknown as ConsentState;

const skip = !!(window as { __benchSkip?: boolean }).__benchSkip;
const Observer = window.MutationObserver;
window.MutationObserver = class extends Observer {
  constructor(callback: MutationCallback) {
    super(timed(callback, (ms) => ((timing.observerMs += ms), timing.callbacks++)));
  }
};
const start = performance.now();
if (!skip)
  installAutoBlocker({
    $state: atom(state),
    $settings: atom<Settings | null>(settings),
    $configPhase: createConfigPhase(),
    emit: () => {},
  });
timing.installMs = performance.now() - start;
window.MutationObserver = Observer;

const patched: Array<[object, string]> = [
  [Node.prototype, 'appendChild'],
  [Node.prototype, 'insertBefore'],
  [Node.prototype, 'replaceChild'],
  [Element.prototype, 'setAttribute'],
  ...['append', 'prepend', 'before', 'after', 'replaceWith', 'insertAdjacentElement'].map((name): [object, string] => [
    Element.prototype,
    name,
  ]),
  [HTMLScriptElement.prototype, 'src'],
  [HTMLIFrameElement.prototype, 'src'],
  [HTMLImageElement.prototype, 'src'],
  [HTMLLinkElement.prototype, 'href'],
];
const count = (ms: number) => ((timing.patchedMs += ms), timing.patchedCalls++);
for (const [target, name] of skip ? [] : patched) {
  const descriptor = Object.getOwnPropertyDescriptor(target, name)!;
  if (descriptor.set) Object.defineProperty(target, name, { ...descriptor, set: timed(descriptor.set, count) });
  else Object.defineProperty(target, name, { ...descriptor, value: timed(descriptor.value, count) });
}
