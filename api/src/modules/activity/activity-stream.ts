import type { EventBus } from '../../events/event-bus.js';
import { activityChannel } from './activity-recorder.js';
import type { ProvisioningEventView } from './activity.service.js';

const MAX_BACKLOG = 1000;

type Payload = Omit<ProvisioningEventView, 'occurredAt'> & { occurredAt: string; companyId?: string };

function isPayload(value: unknown): value is Payload {
  const v = value as Partial<Payload> | null;
  return typeof v?.id === 'string' && typeof v.occurredAt === 'string' && typeof v.status === 'number';
}

/**
 * New provisioning events of one company, as they are published on the event bus by whichever
 * replica served the SCIM request. LISTEN is in place before this resolves, so nothing published
 * after the subscription is accepted is missed. A hand-written iterator rather than an async
 * generator: a generator parked on an await ignores return() until the next event, which would
 * keep a closed subscription listening.
 */
export async function streamActivity(events: EventBus, companyId: string): Promise<AsyncIterableIterator<ProvisioningEventView>> {
  const queue: ProvisioningEventView[] = [];
  const waiting: ((result: IteratorResult<ProvisioningEventView>) => void)[] = [];
  let done = false;
  const unsubscribe = await events.subscribe(activityChannel(companyId), (payload) => {
    // The channel is per company already; the check guards against a publisher's mistake.
    if (done || !isPayload(payload) || (payload.companyId && payload.companyId !== companyId)) return;
    const { companyId: _company, ...rest } = payload;
    const event = { ...rest, occurredAt: new Date(payload.occurredAt) };
    const take = waiting.shift();
    if (take) take({ value: event, done: false });
    else if (queue.push(event) > MAX_BACKLOG) queue.shift(); // a stalled client loses the oldest, not the server's memory
  });
  const finish = async (): Promise<IteratorResult<ProvisioningEventView>> => {
    if (!done) {
      done = true;
      for (const take of waiting.splice(0)) take({ value: undefined, done: true });
      await unsubscribe();
    }
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<ProvisioningEventView> = {
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
