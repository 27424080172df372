import { DIRECTORY_EVENTS_CHANNEL } from '../../events/channels.js';
import type { EventBus } from '../../events/event-bus.js';

const COALESCE_MS = 20;

/**
 * Tells every replica that events were committed. Not from the triggers: a NOTIFY in a trigger
 * would serialise the commits of all writing transactions behind PostgreSQL's notify lock. This
 * runs after the write answered, coalescing a burst into one NOTIFY; polling covers the rest.
 */
export function createEventSignal(events: EventBus) {
  let pending: NodeJS.Timeout | undefined;
  return {
    committed(): void {
      pending ??= setTimeout(() => {
        pending = undefined;
        void events.publish(DIRECTORY_EVENTS_CHANNEL, null).catch(() => undefined);
      }, COALESCE_MS);
    },
  };
}

export type EventSignal = ReturnType<typeof createEventSignal>;
