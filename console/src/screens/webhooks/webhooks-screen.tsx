import { useQuery } from '@urql/preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { graphql, useFragment, type FragmentType } from '../../gql/index.js';
import { errorMessage } from '../../lib/graphql-errors.js';
import { Link } from '../../routing/router.js';
import { webhookPath } from '../scim2/scim2-routes.js';
import { AddEndpointDialog } from './add-endpoint-dialog.js';
import { EndpointStatus } from './endpoint-status.js';
import { describeEventTypes } from './event-types.js';
import { WebhooksReadOnlyNotice } from './read-only-notice.js';

const WebhookEndpointRowFragment = graphql(`
  fragment WebhookEndpointRow_WebhookEndpoint on WebhookEndpoint {
    id
    url
    description
    eventTypes
    ...EndpointStatus_WebhookEndpoint
  }
`);

const WebhooksScreenQuery = graphql(`
  query WebhooksScreen {
    webhookEndpoints {
      id
      ...WebhookEndpointRow_WebhookEndpoint
    }
  }
`);

function WebhooksHeader() {
  return (
    <header class="page-header">
      <h1>Webhooks</h1>
      <p class="muted">
        Roster posts every directory change to these URLs, signed per Standard Webhooks, in order and with retries.
      </p>
    </header>
  );
}

/** IT Settings › IAM Settings › SCIM2 › Webhooks: the company's endpoints (iam:manage). */
export function WebhooksScreen({ canManage }: { canManage: boolean }) {
  useEffect(() => {
    document.title = 'Webhooks · Roster';
  }, []);
  if (!canManage) {
    return (
      <>
        <WebhooksHeader />
        <WebhooksReadOnlyNotice />
      </>
    );
  }
  return (
    <>
      <WebhooksHeader />
      <EndpointList />
    </>
  );
}

function EndpointList() {
  // An empty list holds no WebhookEndpoint, so say which type a mutation must refresh it for.
  const context = useMemo(() => ({ additionalTypenames: ['WebhookEndpoint'] }), []);
  const [{ data, error }] = useQuery({ query: WebhooksScreenQuery, context, requestPolicy: 'cache-and-network' });
  const [adding, setAdding] = useState(false);
  const endpoints = data?.webhookEndpoints;
  return (
    <section class="card" aria-labelledby="webhook-endpoints-title" data-testid="webhook-endpoints">
      <div class="card__header">
        <h2 id="webhook-endpoints-title">Endpoints</h2>
        <div class="card__actions">
          <button type="button" class="button button--primary" onClick={() => setAdding(true)}>
            Add endpoint
          </button>
        </div>
        <p class="card__subtitle">Each endpoint has its own signing secret and receives the event types it subscribes to.</p>
      </div>
      {error && !endpoints && (
        <p class="notice notice--danger" role="alert">
          {errorMessage(error, 'The webhook endpoints could not be loaded.')}
        </p>
      )}
      {!data && !error && <p class="muted" role="status">Loading…</p>}
      {endpoints?.length === 0 && <p class="empty-state">No endpoints yet. Add one to receive directory events.</p>}
      {endpoints && endpoints.length > 0 && <EndpointTable endpoints={endpoints} />}
      {adding && <AddEndpointDialog onClose={() => setAdding(false)} />}
    </section>
  );
}

function EndpointTable({ endpoints }: { endpoints: FragmentType<typeof WebhookEndpointRowFragment>[] }) {
  const rows = useFragment(WebhookEndpointRowFragment, endpoints);
  return (
    <div class="table-wrap">
      <table class="table table--stack">
        <caption class="visually-hidden">Webhook endpoints, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Endpoint</th>
            <th scope="col">Description</th>
            <th scope="col">Events</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((endpoint) => (
            <tr key={endpoint.id} data-testid="webhook-endpoint-row">
              <td data-label="Endpoint">
                <Link href={webhookPath(endpoint.id)} class="break-anywhere">{endpoint.url}</Link>
              </td>
              <td data-label="Description">{endpoint.description ?? <span class="muted">—</span>}</td>
              <td data-label="Events" class="break-anywhere">{describeEventTypes(endpoint.eventTypes)}</td>
              <td data-label="Status">
                <EndpointStatus endpoint={endpoint} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
