/**
 * Whether the WebSocket for subscriptions is up. Screens read it to decide between live updates
 * and polling: without a WebSocket (blocked by a proxy, or not supported) everything still works.
 */
export type LiveStatus = 'connecting' | 'live' | 'offline';

type Listener = (status: LiveStatus) => void;

export interface LiveStatusStore {
  get(): LiveStatus;
  set(status: LiveStatus): void;
  subscribe(listener: Listener): () => void;
}

export function createLiveStatusStore(initial: LiveStatus): LiveStatusStore {
  let current = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => current,
    set(status) {
      if (status === current) return;
      current = status;
      for (const listener of listeners) listener(status);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
