import { graphql, useFragment, type FragmentType } from '../../gql/index.js';
import type { LiveStatus } from '../../graphql/live-status.js';
import { ActivityTable } from './activity-table.js';
import { LiveIndicator } from './live-indicator.js';

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
        {live && <LiveIndicator status={live} />}
      </div>
      {events.length === 0 ? (
        <p class="empty-state">No SCIM requests match these filters.</p>
      ) : (
        <ActivityTable events={events} caption="SCIM requests, newest first" />
      )}
      <nav class="pager" aria-label="Pages of requests">
        <button type="button" class="button" onClick={onNewer} disabled={!onNewer}>Newer</button>
        <span class="muted">Page {page}</span>
        <button type="button" class="button" onClick={onOlder} disabled={!onOlder}>Older</button>
      </nav>
    </section>
  );
}
