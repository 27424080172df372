import { useMutation } from '@urql/preact';
import { graphql, useFragment, type FragmentType } from '../../gql/index.js';
import type { DeliveriesCard_ConnectionFragment } from '../../gql/graphql.js';
import { absoluteTime, relativeTime } from '../../lib/format-time.js';
import { errorMessage } from '../../lib/graphql-errors.js';
import { useNotify } from '../../ui/notifications.js';
import { Pager } from '../directory/pager.js';
import type { KeysetPager } from '../directory/use-keyset-pager.js';
import { formatDuration } from './format-delivery.js';

export const DeliveriesCardFragment = graphql(`
  fragment DeliveriesCard_Connection on WebhookDeliveryConnection {
    edges {
      node {
        id
        eventId
        eventType
        status
        attempts
        manual
        lastStatusCode
        nextAttemptAt
        createdAt
        recentAttempts {
          attemptedAt
          statusCode
          durationMs
          responseBody
          error
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
`);

const RedeliverMutation = graphql(`
  mutation RedeliverWebhookEvent($endpointId: ID!, $eventId: ID!) {
    redeliverWebhookEvent(endpointId: $endpointId, eventId: $eventId) {
      id
      status
    }
  }
`);

type Delivery = DeliveriesCard_ConnectionFragment['edges'][number]['node'];

interface Props {
  endpointId: string;
  deliveries: FragmentType<typeof DeliveriesCardFragment>;
  pager: KeysetPager;
  pageSize: number;
  failedOnly: boolean;
  onFailedOnly: (value: boolean) => void;
  busy: boolean;
}

/** Recent deliveries, newest first: status code, attempts, duration, and a redelivery for each. */
export function DeliveriesCard({ endpointId, deliveries, pager, pageSize, failedOnly, onFailedOnly, busy }: Props) {
  const connection = useFragment(DeliveriesCardFragment, deliveries);
  const rows = connection.edges.map((edge) => edge.node);
  return (
    <section class="card" aria-labelledby="webhook-deliveries-title" aria-busy={busy} data-testid="webhook-deliveries">
      <div class="card__header">
        <h2 id="webhook-deliveries-title">Deliveries</h2>
        <label class="checkbox">
          <input type="checkbox" checked={failedOnly} onChange={(e) => onFailedOnly(e.currentTarget.checked)} />
          Failed only
        </label>
        <p class="card__subtitle">Refreshes by itself while a delivery is pending. A redelivery keeps the event's webhook-id, so receivers can drop a duplicate.</p>
      </div>
      {rows.length === 0 ? (
        <p class="empty-state">{failedOnly ? 'No failed deliveries.' : 'No deliveries yet. Send a test event to try the endpoint.'}</p>
      ) : (
        <div class="table-wrap">
          <table class="table table--stack">
            <caption class="visually-hidden">Deliveries to this endpoint, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Duration</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((delivery) => <DeliveryRow key={delivery.id} endpointId={endpointId} delivery={delivery} />)}
            </tbody>
          </table>
        </div>
      )}
      <Pager pager={pager} shown={rows.length} pageSize={pageSize} hasNextPage={connection.pageInfo.hasNextPage} endCursor={connection.pageInfo.endCursor} what="Delivery" />
    </section>
  );
}

function DeliveryRow({ endpointId, delivery }: { endpointId: string; delivery: Delivery }) {
  const latest = delivery.recentAttempts[0];
  return (
    <tr class={delivery.status === 'FAILED' ? 'row--failed' : undefined} data-testid="webhook-delivery-row" data-status={delivery.status} data-event-id={delivery.eventId}>
      <td data-label="Time">
        <time dateTime={delivery.createdAt} title={absoluteTime(delivery.createdAt)}>{relativeTime(delivery.createdAt)}</time>
      </td>
      <td data-label="Event">
        <code>{delivery.eventType}</code>
        <div class="muted mono activity-id">{delivery.eventId}</div>
      </td>
      <td data-label="Status">
        <DeliveryStatus delivery={delivery} />
      </td>
      <td data-label="Attempts">{delivery.attempts}</td>
      <td data-label="Duration">{latest ? formatDuration(latest.durationMs) : '—'}</td>
      <td data-label="Actions">
        <RedeliverButton endpointId={endpointId} delivery={delivery} />
      </td>
    </tr>
  );
}

function DeliveryStatus({ delivery }: { delivery: Delivery }) {
  const latest = delivery.recentAttempts[0];
  const code = delivery.lastStatusCode ?? (latest ? 'no answer' : null);
  const [kind, label] = delivery.status === 'SUCCEEDED' ? ['success', 'Delivered'] : delivery.status === 'FAILED' ? ['danger', 'Failed'] : ['neutral', 'Pending'];
  return (
    <>
      <span class={`badge badge--${kind}`} data-testid="delivery-status">
        {label}
        {code !== null && ` · ${code}`}
      </span>
      {delivery.manual && <div class="muted">Sent by hand</div>}
      {delivery.status === 'PENDING' && delivery.nextAttemptAt && latest && (
        <div class="muted">Next try <time dateTime={delivery.nextAttemptAt}>{relativeTime(delivery.nextAttemptAt)}</time></div>
      )}
      {delivery.status !== 'SUCCEEDED' && latest && (latest.error || latest.responseBody) && (
        <div class="activity-detail">{(latest.error ?? latest.responseBody ?? '').slice(0, 200)}</div>
      )}
    </>
  );
}

function RedeliverButton({ endpointId, delivery }: { endpointId: string; delivery: Delivery }) {
  const [{ fetching }, redeliver] = useMutation(RedeliverMutation);
  const notify = useNotify();
  const onClick = async () => {
    const result = await redeliver({ endpointId, eventId: delivery.eventId }, { additionalTypenames: ['WebhookDelivery'] });
    if (!result.data) notify('error', errorMessage(result.error, 'The event could not be sent again. Please try again.'));
    else notify('success', `${delivery.eventType} queued for redelivery.`);
  };
  return (
    <button type="button" class="button" onClick={onClick} disabled={fetching} aria-label={`Redeliver ${delivery.eventType} ${delivery.eventId}`}>
      Redeliver
    </button>
  );
}
