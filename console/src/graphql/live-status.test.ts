import { describe, expect, it } from 'vitest';
import { createLiveStatusStore, type LiveStatus } from './live-status.js';

describe('live status store', () => {
  it('tells listeners about changes only, until they unsubscribe', () => {
    const store = createLiveStatusStore('connecting');
    const seen: LiveStatus[] = [];
    const stop = store.subscribe((status) => seen.push(status));
    store.set('live');
    store.set('live');
    store.set('offline');
    stop();
    store.set('live');
    expect(seen).toEqual(['live', 'offline']);
    expect(store.get()).toBe('live');
  });
});
