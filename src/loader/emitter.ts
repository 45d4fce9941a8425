import type { ConsentEventName, ConsentEvents } from '../core/policy/types';

type Listener<K extends ConsentEventName> = (detail: ConsentEvents[K]) => void;

export interface Emitter {
  on<K extends ConsentEventName>(event: K, listener: Listener<K>): () => void;
  emit<K extends ConsentEventName>(event: K, detail: ConsentEvents[K]): void;
  clear(): void;
}

/** Per-instance event hub. A throwing listener is reported, never allowed to break the others. */
export function createEmitter(onListenerError: (error: unknown) => void): Emitter {
  let listeners: { [event: string]: Set<Listener<any>> } = {};
  return {
    on(event, listener) {
      (listeners[event] ||= new Set()).add(listener);
      return () => listeners[event]?.delete(listener);
    },
    emit(event, detail) {
      listeners[event]?.forEach((listener) => {
        try {
          listener(detail);
        } catch (error) {
          if (event !== 'error') onListenerError(error);
        }
      });
    },
    clear() {
      listeners = {};
    },
  };
}
