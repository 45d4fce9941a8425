/** Settings are shared by every effect and the UI: frozen, so none of them can change what another sees. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value == 'object' && !Object.isFrozen(value)) {
    Object.values(Object.freeze(value)).map(deepFreeze);
  }
  return value;
}
