import { graphql, useFragment, type FragmentType } from '../../gql/index.js';
import type { ActivityList_ConnectionFragment } from '../../gql/graphql.js';
import type { LiveStatus } from '../../graphql/live-status.js';
import { absoluteTime, relativeTime } from '../../lib/format-time.js';
import { Link } from '../../routing/router.js';
import { activityPath } from '../scim2/scim2-routes.js';

export const ActivityListFragment = graphql(`
  fragment ActivityList_Connection on ProvisioningEventConnection {
    edges {
      node {
        id
        occurredAt
        tokenLabel
        method
        operation
        resourceType
        resourceId
        resourceName
        status
        succeeded
        throttled
        scimType
        message
      }
    }
  }
`);

type Event = ActivityList_ConnectionFragment['edges'][number]['node'];

const LIVE_TEXT: Record<LiveStatus, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  offline: 'Live updates unavailable; refreshing every 10 s',
};

interface Props {
  activity: FragmentType<typeof ActivityListFragment>;
  /** Only the first page follows new requests; older pages stay put. */
  live: LiveStatus | undefined;
  busy: boolean;
  page: number;
  onNewer: (() => void) | undefined;
  onOlder: (() => void) | undefined;
}

export function ActivityList({ activity, live, busy, page, onNewer, onOlder }: Props) {
  const events = useFragment(ActivityListFragment, activity).edges.map((edge) => edge.node);
  return (
    <section class="card" aria-labelledby="activity-list-title" aria-busy={busy} data-testid="activity-list">
      <div class="card__header">
        <h2 id="activity-list-title">Requests</h2>
        {live && <span class={`live-dot ${live === 'live' ? 'live-dot--on' : ''}`}>{LIVE_TEXT[live]}</span>}
      </div>
      {events.length === 0 ? (
        <p class="empty-state">No SCIM requests match these filters.</p>
      ) : (
        <div class="table-wrap">
          <table class="table table--stack">
            <caption class="visually-hidden">SCIM requests, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Identity provider</th>
                <th scope="col">Request</th>
                <th scope="col">Resource</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => <ActivityListRow key={event.id} event={event} />)}
            </tbody>
          </table>
        </div>
      )}
      <nav class="pager" aria-label="Pages of requests">
        <button type="button" class="button" onClick={onNewer} disabled={!onNewer}>Newer</button>
        <span class="muted">Page {page}</span>
        <button type="button" class="button" onClick={onOlder} disabled={!onOlder}>Older</button>
      </nav>
    </section>
  );
}

function ActivityListRow({ event }: { event: Event }) {
  const failed = !event.succeeded && !event.throttled;
  return (
    <tr class={failed ? 'row--failed' : undefined} data-testid="activity-row" data-status={event.status}>
      <td data-label="Time">
        <time dateTime={event.occurredAt} title={absoluteTime(event.occurredAt)}>{relativeTime(event.occurredAt)}</time>
      </td>
      <td data-label="IdP">{event.tokenLabel ?? 'Unknown (no valid token)'}</td>
      <td data-label="Request">
        <Link href={activityPath(event.id)}>{event.operation}</Link>
        <div class="muted mono">{event.method}</div>
      </td>
      <td data-label="Resource">
        <ResourceCell event={event} />
      </td>
      <td data-label="Outcome">
        <OutcomeBadge succeeded={event.succeeded} throttled={event.throttled} status={event.status} />
        {failed && (event.scimType || event.message) && (
          <div class="activity-detail">{[event.scimType, event.message].filter(Boolean).join(': ')}</div>
        )}
      </td>
    </tr>
  );
}

/** The name first (what an administrator recognises); the id beneath for copying. */
export function ResourceCell({ event }: { event: Pick<Event, 'resourceType' | 'resourceId' | 'resourceName'> }) {
  if (!event.resourceType && !event.resourceId) return <>—</>;
  return (
    <>
      {event.resourceName ?? event.resourceType ?? '—'}
      {event.resourceId && <div class="muted mono activity-id">{event.resourceType ? `${event.resourceType} ` : ''}{event.resourceId}</div>}
    </>
  );
}

// A throttled request is neither served nor failed: the IdP retries it after Retry-After.
export function OutcomeBadge({ succeeded, throttled, status }: { succeeded: boolean; throttled: boolean; status: number }) {
  const [kind, label] = succeeded ? ['success', 'OK'] : throttled ? ['neutral', 'Throttled'] : ['danger', 'Failed'];
  return <span class={`badge badge--${kind}`}>{label} · {status}</span>;
}
