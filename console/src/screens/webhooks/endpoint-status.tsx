import { graphql, useFragment, type FragmentType } from '../../gql/index.js';

export const EndpointStatusFragment = graphql(`
  fragment EndpointStatus_WebhookEndpoint on WebhookEndpoint {
    enabled
    disabledReason
    disabledAfterFailures
    failedDeliveries
  }
`);

/** Enabled, disabled by an operator, or disabled by Roster after deliveries kept failing (with the reason). */
export function EndpointStatus(props: { endpoint: FragmentType<typeof EndpointStatusFragment>; withReason?: boolean }) {
  const endpoint = useFragment(EndpointStatusFragment, props.endpoint);
  if (endpoint.enabled) {
    return (
      <span class="endpoint-status" data-testid="endpoint-status" data-enabled="true">
        <span class="badge badge--success">Enabled</span>
        {endpoint.failedDeliveries > 0 && (
          <span class="muted">
            {endpoint.failedDeliveries} failed {endpoint.failedDeliveries === 1 ? 'delivery' : 'deliveries'} in a row
          </span>
        )}
      </span>
    );
  }
  const byRoster = endpoint.disabledAfterFailures;
  return (
    <span class="endpoint-status" data-testid="endpoint-status" data-enabled="false">
      <span class={`badge ${byRoster ? 'badge--danger' : 'badge--neutral'}`}>{byRoster ? 'Disabled after failures' : 'Disabled'}</span>
      {props.withReason !== false && endpoint.disabledReason && <span class="muted">{endpoint.disabledReason}</span>}
    </span>
  );
}
