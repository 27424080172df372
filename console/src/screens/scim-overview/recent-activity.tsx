import { useEffect, useRef } from 'preact/hooks';
import { graphql, useFragment, type FragmentType } from '../../gql/index.js';
import type { RecentActivity_ConnectionFragment } from '../../gql/graphql.js';
import type { LiveStatus } from '../../graphql/live-status.js';
import { absoluteTime, relativeTime } from '../../lib/format-time.js';
import { Link } from '../../routing/router.js';
import { Skeleton } from '../../ui/skeleton.js';
import { activityPath } from '../scim2/scim2-routes.js';
import { ResourceCell } from '../scim-activity/activity-list.js';

export const RecentActivityFragment = graphql(`
  fragment RecentActivity_Connection on ProvisioningEventConnection {
    edges {
      cursor
      node {
        id
        occurredAt
        tokenLabel
        userAgent
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
        durationMs
      }
    }
    pageInfo {
      hasNextPage
    }
  }
`);

/**
 * The company's newest request whatever the list shows (failures only, an older page): the list
 * alone would name the newest failure, or nobody when its rows all lack a token.
 */
export const LastRequestFragment = graphql(`
  fragment RecentActivity_LastRequest on ProvisioningEventConnection {
    edges {
      node {
        id
        occurredAt
        tokenLabel
      }
    }
  }
`);

const LIVE_TEXT: Record<LiveStatus, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  offline: 'Live updates unavailable; refreshing every 10 s',
};

interface RecentActivityProps {
  activity: FragmentType<typeof RecentActivityFragment>;
  lastRequest: FragmentType<typeof LastRequestFragment>;
  failuresOnly: boolean;
  onFailuresOnlyChange: (value: boolean) => void;
  onShowMore: () => void;
  live: LiveStatus;
}

/** The latest SCIM requests (O18): failures stand out by colour, icon-free label and a detail line. */
export function RecentActivity(props: RecentActivityProps) {
  const connection = useFragment(RecentActivityFragment, props.activity);
  const events = connection.edges.map((edge) => edge.node);
  const fresh = useFreshIds(events.map((event) => event.id));
  const last = useFragment(LastRequestFragment, props.lastRequest).edges[0]?.node;

  return (
    <section class="card" aria-labelledby="activity-title" data-testid="recent-activity">
      <div class="card__header">
        <h2 id="activity-title">Recent activity</h2>
        <span class={`live-dot ${props.live === 'live' ? 'live-dot--on' : ''}`}>
          {LIVE_TEXT[props.live]}
        </span>
        <p class="card__subtitle">
          {last
            ? `Last request from ${last.tokenLabel ?? 'a caller without a valid token'} ${relativeTime(last.occurredAt)}.`
            : 'Every SCIM request your identity providers send appears here.'}
        </p>
      </div>
      <div class="toolbar">
        <label class="checkbox">
          <input
            type="checkbox"
            checked={props.failuresOnly}
            onChange={(event) => props.onFailuresOnlyChange(event.currentTarget.checked)}
          />
          Show failures only
        </label>
      </div>
      {events.length === 0 ? (
        <p class="empty-state">{props.failuresOnly ? 'No failed requests.' : 'No SCIM requests yet.'}</p>
      ) : (
        <ActivityTable events={events} fresh={fresh} />
      )}
      {connection.pageInfo.hasNextPage && (
        <button type="button" class="button" onClick={props.onShowMore}>
          Show older requests
        </button>
      )}
    </section>
  );
}

function ActivityTable({ events, fresh }: { events: ActivityEvent[]; fresh: Set<string> }) {
  return (
    <div class="table-wrap">
      <table class="table table--stack">
        <caption class="visually-hidden">Latest SCIM requests, newest first</caption>
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
          {events.map((event) => (
            <ActivityRow key={event.id} event={event} fresh={fresh.has(event.id)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

type ActivityEvent = RecentActivity_ConnectionFragment['edges'][number]['node'];

function ActivityRow({ event, fresh }: { event: ActivityEvent; fresh: boolean }) {
  const failed = !event.succeeded && !event.throttled;
  const classes = [failed ? 'row--failed' : '', fresh ? 'row--new' : ''].join(' ').trim();
  return (
    <tr class={classes || undefined} data-testid="activity-row" data-succeeded={String(event.succeeded)}>
      <td data-label="Time">
        <time dateTime={event.occurredAt} title={absoluteTime(event.occurredAt)}>
          {relativeTime(event.occurredAt)}
        </time>
      </td>
      <td data-label="IdP">
        <span title={event.userAgent ?? undefined}>{event.tokenLabel ?? 'Unknown (no valid token)'}</span>
      </td>
      <td data-label="Request">
        <Link href={activityPath(event.id)}>{event.operation}</Link>
        <div class="muted mono">{event.method}</div>
      </td>
      <td data-label="Resource">
        <ResourceCell event={event} />
      </td>
      <td data-label="Outcome">
        <OutcomeBadge event={event} />
        {failed && (event.scimType || event.message) && (
          <div class="activity-detail">{[event.scimType, event.message].filter(Boolean).join(': ')}</div>
        )}
      </td>
    </tr>
  );
}

// A throttled request is neither served nor failed: the IdP retries it after Retry-After.
function OutcomeBadge({ event }: { event: ActivityEvent }) {
  const [kind, label] = event.succeeded ? ['success', 'OK'] : event.throttled ? ['neutral', 'Throttled'] : ['danger', 'Failed'];
  return (
    <span class={`badge badge--${kind}`}>
      {label} · {event.status}
    </span>
  );
}

/**
 * Live arrivals, to highlight them briefly: the rows above the newest one already shown. Rows
 * further down that were not shown before (an older page, a switch to failures only) are old.
 */
function useFreshIds(ids: string[]): Set<string> {
  const seen = useRef<Set<string> | null>(null);
  const fresh = new Set(arrivals(ids, seen.current));
  useEffect(() => {
    seen.current = new Set([...(seen.current ?? []), ...ids]);
  });
  return fresh;
}

function arrivals(ids: string[], shown: Set<string> | null): string[] {
  if (!shown) return [];
  if (shown.size === 0) return ids;
  const firstKnown = ids.findIndex((id) => shown.has(id));
  return firstKnown > 0 ? ids.slice(0, firstKnown) : [];
}

export function RecentActivitySkeleton() {
  return (
    <section class="card" aria-hidden="true">
      <h2>Recent activity</h2>
      {[0, 1, 2, 3].map((row) => (
        <Skeleton key={row} height="2.25rem" />
      ))}
    </section>
  );
}
