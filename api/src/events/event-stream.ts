import type { EventBus } from './event-bus.js';

/** The event a payload carries, or undefined to skip a payload that is not one. */
export type ParsePayload<T> = (payload: unknown) => T | undefined;

export interface StreamOptions<T> {
  parse: ParsePayload<T>;
  /** Events kept for a consumer that is behind; beyond it the oldest go (memory is the bound). */
  maxBacklog: number;
}

/** For a listener woken by the notification itself, whatever it carries. */
export const anyPayload: ParsePayload<true> = () => true;

/**
 * Hands every event of one channel to `handle` as it arrives, in order: the form for a listener
 * that acts at once and must miss none (a cache that forgets, a worker that wakes). With
 * streamChannel below, the only way code outside events/ listens; EventBus.subscribe is the bus's
 * own. LISTEN is in place before it resolves; it resolves with the function that stops it.
 */
export async function followChannel<T>(
  events: EventBus, channel: string, parse: ParsePayload<T>, handle: (event: T) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  const unsubscribe = await events.subscribe(channel, (payload) => {
    const event = stopped ? undefined : parse(payload);
    if (event !== undefined) handle(event);
  });
  return async () => {
    if (stopped) return;
    stopped = true;
    await unsubscribe();
  };
}

/** An async iterator fed by `push`; `ended` says whether its consumer has stopped it. */
export interface PushedStream<T> {
  iterator: AsyncIterableIterator<T>;
  push: (value: T) => void;
  ended: () => boolean;
}

/**
 * Events kept for a consumer that is behind, up to `maxBacklog` (beyond it the oldest go: memory
 * is the bound); return() ends the stream at once and runs `onEnd` (stop listening). A
 * hand-written iterator rather than an async generator: a generator parked on an await ignores
 * return() until the next event, which would keep a closed stream listening.
 */
export function pushedStream<T>(maxBacklog: number, onEnd: () => Promise<void>): PushedStream<T> {
  const queue: T[] = [];
  const waiting: ((result: IteratorResult<T>) => void)[] = [];
  let done = false;
  const push = (value: T) => {
    if (done) return;
    const take = waiting.shift();
    if (take) take({ value, done: false });
    else if (queue.push(value) > maxBacklog) queue.shift();
  };
  const finish = async (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      for (const take of waiting.splice(0)) take({ value: undefined, done: true });
      await onEnd();
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
  return { iterator, push, ended: () => done };
}

/**
 * The events of one channel as an async iterator, on followChannel: every subscription (GraphQL
 * or internal) reads a channel through this. LISTEN is in place before it resolves, so nothing
 * published after that is missed.
 */
export async function streamChannel<T>(events: EventBus, channel: string, { parse, maxBacklog }: StreamOptions<T>): Promise<AsyncIterableIterator<T>> {
  let stop = async () => undefined as void;
  const stream = pushedStream<T>(maxBacklog, () => stop());
  stop = await followChannel(events, channel, parse, stream.push);
  return stream.iterator;
}
