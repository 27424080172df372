import { absoluteTime, relativeTime } from '../../lib/format-time.js';
import { Link } from '../../routing/router.js';
import { activityPath } from '../scim2/scim2-routes.js';

/** What a row needs of a provisioning event; each screen's fragment selects at least this. */
export interface ActivityRowEvent {
  id: string;
  occurredAt: string;
  tokenLabel: string | null;
  userAgent?: string | null;
  method: string;
  operation: string;
  resourceType?: string | null;
  resourceId?: string | null;
  resourceName?: string | null;
  status: number;
  succeeded: boolean;
  throttled: boolean;
  scimType: string | null;
  message: string | null;
}

interface ActivityTableProps {
  events: readonly ActivityRowEvent[];
  caption: string;
  /** Off on a user's or group's own page, where every row is about that resource. */
  showResource?: boolean;
  /** Rows that arrived live, highlighted for a moment. */
  fresh?: ReadonlySet<string>;
  rowTestId?: string;
}

/**
 * SCIM requests as the overview, the Activity tab and the detail pages list them: time, IdP,
 * the operation linking to the request's own page, the resource and the outcome.
 */
export function ActivityTable({ events, caption, showResource = true, fresh, rowTestId = 'activity-row' }: ActivityTableProps) {
  return (
    <div class="table-wrap">
      <table class="table table--stack">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Identity provider</th>
            <th scope="col">Request</th>
            {showResource && <th scope="col">Resource</th>}
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <ActivityRow key={event.id} event={event} showResource={showResource} fresh={fresh?.has(event.id) ?? false} testId={rowTestId} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ActivityRow({ event, showResource, fresh, testId }: { event: ActivityRowEvent; showResource: boolean; fresh: boolean; testId: string }) {
  const failed = !event.succeeded && !event.throttled;
  const classes = [failed ? 'row--failed' : '', fresh ? 'row--new' : ''].join(' ').trim();
  return (
    <tr class={classes || undefined} data-testid={testId} data-succeeded={String(event.succeeded)} data-status={event.status}>
      <td data-label="Time">
        <time dateTime={event.occurredAt} title={absoluteTime(event.occurredAt)}>
          {relativeTime(event.occurredAt)}
        </time>
      </td>
      <td data-label="IdP">
        <span title={event.userAgent ?? undefined}>{event.tokenLabel ?? 'Unknown (no valid token)'}</span>
      </td>
      <td data-label="Request">
        <Link href={activityPath(event.id)} class="activity-operation">
          {event.operation}
        </Link>
        <div class="muted mono">{event.method}</div>
      </td>
      {showResource && (
        <td data-label="Resource">
          <ResourceCell event={event} />
        </td>
      )}
      <td data-label="Outcome">
        <OutcomeBadge succeeded={event.succeeded} throttled={event.throttled} status={event.status} />
        {failed && (event.scimType || event.message) && <div class="activity-detail">{[event.scimType, event.message].filter(Boolean).join(': ')}</div>}
      </td>
    </tr>
  );
}

/** The name first (what an administrator recognises); the id beneath for copying. */
function ResourceCell({ event }: { event: Pick<ActivityRowEvent, 'resourceType' | 'resourceId' | 'resourceName'> }) {
  if (!event.resourceType && !event.resourceId) return <>—</>;
  return (
    <>
      {event.resourceName ?? event.resourceType ?? '—'}
      {event.resourceId && (
        <div class="muted mono activity-id">
          {event.resourceType ? `${event.resourceType} ` : ''}
          {event.resourceId}
        </div>
      )}
    </>
  );
}

// A throttled request is neither served nor failed: the IdP retries it after Retry-After.
export function OutcomeBadge({ succeeded, throttled, status }: { succeeded: boolean; throttled: boolean; status: number }) {
  const [kind, label] = succeeded ? ['success', 'OK'] : throttled ? ['neutral', 'Throttled'] : ['danger', 'Failed'];
  return (
    <span class={`badge badge--${kind}`}>
      {label} · {status}
    </span>
  );
}
