import type { EventBus } from '../../events/event-bus.js';
import { anyPayload, followChannel } from '../../events/event-stream.js';
import { DIRECTORY_EVENTS_CHANNEL } from '../../events/channels.js';
import type { EventStore, EventPosition, EventRow } from './event-store.js';

const PAGE = 100;
const MAX_BACKLOG = 1000;

/**
 * A company's events as they settle, from whichever replica wrote them: a NOTIFY wakes the read,
 * a poll covers a lost one. Reads from the outbox (not from the notification), so the stream has
 * the outbox's order and nothing the outbox does not have.
 */
export async function streamDirectoryEvents(
  { events, store, pollMs }: { events: EventBus; store: EventStore; pollMs: number },
  companyId: string,
  types: readonly string[] | undefined,
): Promise<AsyncIterableIterator<EventRow>> {
  let position: EventPosition = await store.head();
  const queue: EventRow[] = [];
  const waiting: ((result: IteratorResult<EventRow>) => void)[] = [];
  let done = false;
  let reading: Promise<void> | undefined;

  async function readNew(): Promise<void> {
    for (;;) {
      const rows = await store.list(companyId, position, PAGE);
      for (const row of rows) {
        position = { txId: row.txId, id: row.id };
        if (types?.length && !types.includes(row.type)) continue;
        const take = waiting.shift();
        if (take) take({ value: row, done: false });
        else if (queue.push(row) > MAX_BACKLOG) queue.shift(); // a stalled client loses the oldest, not the server's memory
      }
      if (rows.length < PAGE || done) return;
    }
  }
  const wake = () => {
    if (done || reading) return;
    reading = readNew().catch(() => undefined).finally(() => (reading = undefined));
  };
  const unsubscribe = await followChannel(events, DIRECTORY_EVENTS_CHANNEL, anyPayload, wake);
  const timer = setInterval(wake, pollMs);

  const finish = async (): Promise<IteratorResult<EventRow>> => {
    if (!done) {
      done = true;
      clearInterval(timer);
      for (const take of waiting.splice(0)) take({ value: undefined, done: true });
      await unsubscribe();
    }
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<EventRow> = {
    next: () => {
      const value = queue.shift();
      if (value) return Promise.resolve({ value, done: false });
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
