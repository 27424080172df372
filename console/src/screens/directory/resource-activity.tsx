import { graphql, useFragment, type FragmentType } from '../../gql/index.js';
import { ActivityTable } from '../scim-activity/activity-table.js';

export const ResourceActivityFragment = graphql(`
  fragment ResourceActivity_Connection on ProvisioningEventConnection {
    edges {
      node {
        id
        occurredAt
        tokenLabel
        operation
        method
        status
        succeeded
        throttled
        scimType
        message
      }
    }
  }
`);

/** The latest SCIM requests about this user or group: "why did last night's sync fail for her?". */
export function ResourceActivity(props: { activity: FragmentType<typeof ResourceActivityFragment>; what: string }) {
  const events = useFragment(ResourceActivityFragment, props.activity).edges.map((edge) => edge.node);
  return (
    <section class="card" aria-labelledby="resource-activity-title" data-testid="resource-activity">
      <div class="card__header">
        <h2 id="resource-activity-title">Last activity</h2>
        <p class="card__subtitle">The latest SCIM requests about this {props.what}, newest first.</p>
      </div>
      {events.length === 0 ? (
        <p class="empty-state">No SCIM requests about this {props.what} are on record.</p>
      ) : (
        <ActivityTable events={events} caption={`SCIM requests about this ${props.what}`} showResource={false} rowTestId="resource-activity-row" />
      )}
    </section>
  );
}
