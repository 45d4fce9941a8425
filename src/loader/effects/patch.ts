/** Undoes one patch, or one installer's patches. */
export type Restore = () => void;

/**
 * The page's own implementations, as found before consentry's first patch of each, keyed by the patched
 * object. Bypasses (below) call these. A module-level table, because the prototypes it describes are the
 * page's, shared by every installer, and a bypass is used where no installer is at hand (the gate).
 */
const originals = new WeakMap<object, { [name: string]: PropertyDescriptor }>();

/**
 * The one way consentry patches a page's API (a method, an accessor or a constructor on a prototype or
 * on `window`): `target[name]` becomes what `wrap` makes of its own descriptor, and the undo goes on
 * `restores`, the installer's restore stack (undone last first by `restoreAll`). Nothing is patched when
 * `target` lacks the property: an API this browser does not have.
 */
export function patch(
  restores: Restore[],
  target: object | undefined,
  name: string,
  wrap: (original: PropertyDescriptor) => PropertyDescriptor,
): void {
  const descriptor = target && Object.getOwnPropertyDescriptor(target, name);
  if (!descriptor) return;
  const found = originals.get(target) || {};
  found[name] ||= descriptor;
  originals.set(target, found);
  Object.defineProperty(target, name, { ...descriptor, ...wrap(descriptor) });
  restores.push(() => Object.defineProperty(target, name, descriptor));
}

/** An installer's uninstall: undoes its stack, last first (so a patch wrapped twice comes back in order). */
export const restoreAll =
  (restores: Restore[]): Restore =>
  () =>
    restores
      .splice(0)
      .reverse()
      .forEach((restore) => restore());

/**
 * Calls `fn` the first time `target[key]` is assigned, after the assignment, for a global a vendor's
 * snippet defines later (`window.fbq = …`). Until then reading it gives undefined, as if it were not there;
 * the undo removes the trap when nothing was assigned yet.
 */
export function onFirstAssignment(restores: Restore[], target: object, key: string, fn: (value: any) => void): void {
  let waiting = true;
  const define = (value: PropertyDescriptor) => Object.defineProperty(target, key, { configurable: true, enumerable: true, ...value });
  define({
    get: () => undefined,
    set(value) {
      waiting = false;
      define({ writable: true, value });
      fn(value);
    },
  });
  restores.push(() => waiting && delete (target as { [key: string]: unknown })[key]);
}

/** Bypass: the page's own `target[name]`, as found before consentry first patched it. */
export const original = (target: object, name: string): PropertyDescriptor =>
  originals.get(target)?.[name] || Object.getOwnPropertyDescriptor(target, name)!;

/**
 * Bypass: sets an attribute with the page's own `setAttribute`, past the auto-blocker's patch. For elements
 * whose consent is settled: a tag being held (its `data-*` marks) or released by the gate.
 */
export const setAttributeUnguarded = (el: Element, name: string, value: string | object): void =>
  original(Element.prototype, 'setAttribute').value.call(el, name, value);
