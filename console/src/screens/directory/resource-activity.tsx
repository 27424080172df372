import { graphql, useFragment, type FragmentType } from '../../gql/index.js';
import { absoluteTime, relativeTime } from '../../lib/format-time.js';
import { Link } from '../../routing/router.js';
import { SCIM2_PATH } from '../scim2/scim2-routes.js';

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
        <div class="table-wrap">
          <table class="table table--stack">
            <caption class="visually-hidden">SCIM requests about this {props.what}</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Identity provider</th>
                <th scope="col">Request</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => {
                const failed = !event.succeeded && !event.throttled;
                return (
                  <tr key={event.id} class={failed ? 'row--failed' : undefined} data-testid="resource-activity-row" data-succeeded={String(event.succeeded)}>
                    <td data-label="Time">
                      <Link href={`${SCIM2_PATH}/activity/${event.id}`}>
                        <time dateTime={event.occurredAt} title={absoluteTime(event.occurredAt)}>
                          {relativeTime(event.occurredAt)}
                        </time>
                      </Link>
                    </td>
                    <td data-label="IdP">{event.tokenLabel ?? 'Unknown (no valid token)'}</td>
                    <td data-label="Request">
                      <span>
                        {event.operation} <span class="muted mono">{event.method}</span>
                      </span>
                    </td>
                    <td data-label="Outcome">
                      <div>
                        <span class={`badge badge--${event.succeeded ? 'success' : event.throttled ? 'neutral' : 'danger'}`}>
                          {event.succeeded ? 'OK' : event.throttled ? 'Throttled' : 'Failed'} · {event.status}
                        </span>
                        {failed && (event.scimType || event.message) && (
                          <div class="activity-detail">{[event.scimType, event.message].filter(Boolean).join(': ')}</div>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
