import { activityChannel } from '../../events/channels.js';
import type { EventBus } from '../../events/event-bus.js';
import { streamChannel } from '../../events/event-stream.js';
import type { ProvisioningEventView } from './activity.service.js';

const MAX_BACKLOG = 1000;

type Payload = Omit<ProvisioningEventView, 'occurredAt'> & { occurredAt: string; companyId?: string };

function isPayload(value: unknown): value is Payload {
  const v = value as Partial<Payload> | null;
  return typeof v?.id === 'string' && typeof v.occurredAt === 'string' && typeof v.status === 'number';
}

/**
 * New provisioning events of one company, as they are published on the event bus by whichever
 * replica served the SCIM request; a stalled client loses the oldest, not the server's memory.
 */
export function streamActivity(events: EventBus, companyId: string): Promise<AsyncIterableIterator<ProvisioningEventView>> {
  return streamChannel(events, activityChannel(companyId), {
    maxBacklog: MAX_BACKLOG,
    parse: (payload) => {
      // The channel is per company already; the check guards against a publisher's mistake.
      if (!isPayload(payload) || (payload.companyId && payload.companyId !== companyId)) return undefined;
      const { companyId: _company, ...rest } = payload;
      return { ...rest, occurredAt: new Date(payload.occurredAt) };
    },
  });
}
