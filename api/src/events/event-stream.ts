import type { EventBus } from './event-bus.js';

export interface StreamOptions<T> {
  /** The event a payload carries, or undefined to skip a payload that is not one. */
  parse: (payload: unknown) => T | undefined;
  /** Events kept for a consumer that is behind; beyond it the oldest go (memory is the bound). */
  maxBacklog: number;
}

/**
 * The events of one channel as an async iterator: every subscription (GraphQL or internal) reads
 * a channel through this. LISTEN is in place before it resolves, so nothing published after that
 * is missed. A hand-written iterator rather than an async generator: a generator parked on an
 * await ignores return() until the next event, which would keep a closed stream listening.
 */
export async function streamChannel<T>(events: EventBus, channel: string, { parse, maxBacklog }: StreamOptions<T>): Promise<AsyncIterableIterator<T>> {
  const queue: T[] = [];
  const waiting: ((result: IteratorResult<T>) => void)[] = [];
  let done = false;
  const unsubscribe = await events.subscribe(channel, (payload) => {
    const event = done ? undefined : parse(payload);
    if (event === undefined) return;
    const take = waiting.shift();
    if (take) take({ value: event, done: false });
    else if (queue.push(event) > maxBacklog) queue.shift();
  });
  const finish = async (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      for (const take of waiting.splice(0)) take({ value: undefined, done: true });
      await unsubscribe();
    }
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<T> = {
    next: () => {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => waiting.push(resolve));
    },
    return: finish,
    throw: async (error: unknown) => {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
