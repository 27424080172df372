import type { Sql } from './sql.js';
import { sql } from './sql-tag.js';
import type { Slots } from '../domain/slots.js';

/** Produces items inside the snapshot's transaction; `emit` resolves once the consumer wants the next one. */
export type SnapshotProducer<T> = (tx: Sql, emit: (item: T) => Promise<void>) => Promise<void>;

class ConsumerStopped extends Error {}

const REPEATABLE_READ = sql.raw('set transaction isolation level repeatable read, read only');

/**
 * The items `produce` emits, read in one repeatable-read transaction (one snapshot), handed to the
 * consumer one at a time: the producer waits while the consumer is slow, so only the item in hand
 * is in memory. The transaction begins at the first `next()` and ends when the producer is done,
 * fails, or the consumer calls `return()` (a `for await` that breaks or throws does). A consumer
 * must either read to the end or return: until then the transaction holds a pool connection.
 * With `slots`, the transaction waits for one of them first, so snapshots that slow clients keep
 * open can hold only so many of the pool's connections.
 */
export function snapshotItems<T>(db: Sql, produce: SnapshotProducer<T>, slots?: Slots): AsyncIterableIterator<T> {
  let waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | undefined;
  let resume: (() => void) | undefined;
  let stopped = false;
  let over = false;
  let run: Promise<void> | undefined;

  const emit = (item: T) =>
    new Promise<void>((resolve, reject) => {
      if (stopped) return reject(new ConsumerStopped());
      resume = () => (stopped ? reject(new ConsumerStopped()) : resolve());
      const consumer = waiting!;
      waiting = undefined;
      consumer.resolve({ value: item, done: false });
    });

  function finish(settle: (consumer: NonNullable<typeof waiting>) => void) {
    over = true;
    const consumer = waiting;
    waiting = undefined;
    if (consumer) settle(consumer);
  }

  async function read(): Promise<void> {
    const release = (await slots?.enter()) ?? (() => undefined);
    try {
      if (stopped) throw new ConsumerStopped();
      await db.transaction(async (tx) => {
        await tx.query(REPEATABLE_READ);
        await produce(tx, emit);
      });
    } finally {
      release();
    }
  }

  function begin(): Promise<void> {
    return read()
      .then(
        () => finish((consumer) => consumer.resolve({ value: undefined, done: true })),
        (error: unknown) => finish((consumer) => (error instanceof ConsumerStopped ? consumer.resolve({ value: undefined, done: true }) : consumer.reject(error))),
      );
  }

  const iterator: AsyncIterableIterator<T> = {
    next: () =>
      new Promise<IteratorResult<T>>((resolve, reject) => {
        if (over || stopped) return resolve({ value: undefined, done: true });
        waiting = { resolve, reject };
        if (!run) {
          run = begin();
          return;
        }
        const proceed = resume;
        resume = undefined;
        proceed?.();
      }),
    async return() {
      stopped = true;
      const proceed = resume;
      resume = undefined;
      proceed?.();
      await run;
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
