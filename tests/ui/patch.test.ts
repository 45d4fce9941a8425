import { afterEach, describe, expect, it } from 'vitest';
import { onFirstAssignment, original, patch, restoreAll, setAttributeUnguarded, type Restore } from '../../src/loader/effects/patch';

// The one way guards patch the page (src/blocking/patch.ts): one restore stack per installer, and bypasses
// that call the page's own implementation by name rather than by convention.
describe('patch', () => {
  const native = Element.prototype.setAttribute;
  afterEach(() => {
    Element.prototype.setAttribute = native;
  });

  it('wraps a method and puts the page’s own back; two installers come undone in reverse order', () => {
    const first: Restore[] = [];
    const second: Restore[] = [];
    const seen: string[] = [];
    const spy =
      (label: string) =>
      ({ value }: PropertyDescriptor) => ({
        value(this: Element, name: string, value2: string) {
          seen.push(label + ':' + name);
          return value.call(this, name, value2);
        },
      });
    patch(first, Element.prototype, 'setAttribute', spy('a'));
    patch(second, Element.prototype, 'setAttribute', spy('b'));
    document.createElement('div').setAttribute('x', '1');
    expect(seen).toEqual(['b:x', 'a:x']);
    restoreAll(second)();
    restoreAll(first)();
    expect(Element.prototype.setAttribute).toBe(native);
  });

  it('patches nothing where the API is missing', () => {
    const restores: Restore[] = [];
    patch(restores, undefined, 'open', () => ({ value: 1 }));
    patch(restores, {}, 'open', () => ({ value: 1 }));
    expect(restores).toEqual([]);
  });

  it('bypasses: original() and setAttributeUnguarded reach the page’s own setAttribute while it is patched', () => {
    const restores: Restore[] = [];
    patch(restores, Element.prototype, 'setAttribute', () => ({ value: () => undefined }));
    const el = document.createElement('img');
    el.setAttribute('src', '/held.png');
    expect(el.hasAttribute('src')).toBe(false);
    setAttributeUnguarded(el, 'src', '/released.png');
    expect(el.getAttribute('src')).toBe('/released.png');
    expect(original(Element.prototype, 'setAttribute').value).toBe(native);
    restoreAll(restores)();
  });

  it('onFirstAssignment: runs after a global is first assigned; the undo removes a trap nothing used', () => {
    const target: { fbq?: unknown; other?: unknown } = {};
    const restores: Restore[] = [];
    const got: unknown[] = [];
    onFirstAssignment(restores, target, 'fbq', (value) => got.push(value));
    onFirstAssignment(restores, target, 'other', (value) => got.push(value));
    expect(target.fbq).toBeUndefined();
    target.fbq = 'set';
    expect(got).toEqual(['set']);
    expect(target.fbq).toBe('set');
    restoreAll(restores)();
    expect('other' in target).toBe(false);
    expect(target.fbq).toBe('set');
  });
});
