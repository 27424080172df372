import type { EventBus } from '../../events/event-bus.js';
import { anyPayload, followChannel, pushedStream } from '../../events/event-stream.js';
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
  let reading: Promise<void> | undefined;
  let unsubscribe = async () => undefined as void;
  const stream = pushedStream<EventRow>(MAX_BACKLOG, async () => {
    clearInterval(timer);
    await unsubscribe();
  });

  async function readNew(): Promise<void> {
    for (;;) {
      const rows = await store.list(companyId, position, PAGE);
      for (const row of rows) {
        position = { txId: row.txId, id: row.id };
        // A stalled client loses the oldest rows (pushedStream's backlog), not the server's memory.
        if (!types?.length || types.includes(row.type)) stream.push(row);
      }
      if (rows.length < PAGE || stream.ended()) return;
    }
  }
  const wake = () => {
    if (stream.ended() || reading) return;
    reading = readNew().catch(() => undefined).finally(() => (reading = undefined));
  };
  unsubscribe = await followChannel(events, DIRECTORY_EVENTS_CHANNEL, anyPayload, wake);
  const timer = setInterval(wake, pollMs);
  return stream.iterator;
}
