import { useEffect, useRef } from 'preact/hooks';
import { graphql, useFragment, type FragmentType } from '../../gql/index.js';
import type { LiveStatus } from '../../graphql/live-status.js';
import { relativeTime } from '../../lib/format-time.js';
import { Skeleton } from '../../ui/skeleton.js';
import { ActivityTable } from '../scim-activity/activity-table.js';
import { LiveIndicator } from '../scim-activity/live-indicator.js';

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
        <LiveIndicator status={props.live} />
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
        <ActivityTable events={events} fresh={fresh} caption="Latest SCIM requests, newest first" />
      )}
      {connection.pageInfo.hasNextPage && (
        <button type="button" class="button" onClick={props.onShowMore}>
          Show older requests
        </button>
      )}
    </section>
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
